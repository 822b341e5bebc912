/** What the CDKTF gate says of a url it checks a leftover record against (provider/cdktf/marks.ts). */
import t from 'tap';
import { shownUrl } from '../../provider/cdktf/marks.js';

t.test('no credentials and no query (a signed url) in what the gate says', (t) => {
  t.equal(shownUrl('https://user:s3cret@images.example.org/u/1.1.qcow2?X-Amz-Signature=abc'), 'https://images.example.org/u/1.1.qcow2?…');
  t.equal(shownUrl('http://127.0.0.1:8030/cirros.img'), 'http://127.0.0.1:8030/cirros.img');
  t.equal(shownUrl('not a url'), '(a url)');
  t.end();
});
