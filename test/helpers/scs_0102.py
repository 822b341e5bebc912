"""Runs the SCS-0102 testcases of SovereignCloudStack/standards (its image_metadata.py) as the standard's own
harness does (Tests/iaas/openstack_test.py: every public or community image conn.list_images(show_all=True) gives
the project, which shows shares not yet accepted but no hidden image), limited to the images named on the command
line (the lab holds other tests' images too). The caller checks which of them it saw: none seen passes every testcase.

usage: python3 scs_0102.py <image_metadata.py> <cloud> <image name>...
Prints one JSON object: {"images": [names checked], "testcases": {name: true|false}, "log": [lines]}; a testcase
by its harness name (scs_0102_prop_architecture: the testcase scs-0102-prop-architecture).
"""
import importlib.util
import json
import logging
import sys

import openstack


def main(argv):
    checker_file, cloud, names = argv[1], argv[2], set(argv[3:])
    spec = importlib.util.spec_from_file_location("image_metadata", checker_file)
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    lines = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(f"{record.levelname}: {record.getMessage()}")

    logging.getLogger().addHandler(Keep())
    logging.getLogger().setLevel(logging.INFO)
    conn = openstack.connect(cloud=cloud)
    images = [
        img
        for img in conn.list_images(show_all=True)
        if img.visibility in ("public", "community") and img.name in names
    ]
    testcases = {}
    for name in sorted(dir(checker)):
        if name.startswith("compute_scs_0102_"):
            testcases[name[len("compute_"):]] = bool(getattr(checker, name)(images))
    print(json.dumps({"images": sorted(img.name for img in images), "testcases": testcases, "log": lines}))


if __name__ == "__main__":
    main(sys.argv)
