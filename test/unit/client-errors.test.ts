import t from 'tap';
import { ImageServiceError, isConflict, isForbidden, isNotFound, plainMessage, redact } from '../../provider/client/errors.js';

t.test("Glance's HTML and <br /> fragments are stripped from its message", (t) => {
  t.equal(
    plainMessage(
      '{"message": "403 Forbidden<br /><br />You are not authorized to complete publicize_image action.", "code": "403 Forbidden"}',
    ),
    '403 Forbidden You are not authorized to complete publicize_image action.',
  );
  t.equal(
    plainMessage('<html><body><h1>404 Not Found</h1>No image found with ID x</body></html>'),
    '404 Not Found No image found with ID x',
  );
  t.end();
});

t.test('credentials are redacted from any text that reaches an error', (t) => {
  t.equal(redact('{"password": "hunter2", "user": "u"}'), '{"password": "***", "user": "u"}');
  t.equal(redact('{"x-auth-token":"gAAAAB-token"}'), '{"x-auth-token":"***"}');
  t.end();
});

t.test('the error carries status, method, URL and request id, and predicates read the status', (t) => {
  const err = new ImageServiceError({
    status: 409,
    method: 'PATCH',
    url: 'http://g/v2/images/x',
    requestId: 'req-1',
    serviceMessage: 'conflict',
  });
  t.equal(err.message, 'PATCH http://g/v2/images/x: HTTP 409: conflict (request req-1)');
  t.ok(isConflict(err));
  t.notOk(isNotFound(err));
  t.notOk(isForbidden(new Error('403')));
  t.end();
});
