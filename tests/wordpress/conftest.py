from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

# The real exports live beside the clone: ../shared/data/wordpress/ (CI lays it out the same).
DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "wordpress"
THEME_DATA = DATA / "themeunittestdata.wordpress.xml"
BLOCK_DATA = DATA / "64-block-test-data.xml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
POLYLANG = FIXTURES / "polylang.xml"
WPML = FIXTURES / "wpml.xml"


def run_import(*exports, **options):
    """The command's output (stdout and stderr) after importing these exports."""
    out, err = StringIO(), StringIO()
    call_command("import_wordpress", *map(str, exports), stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads holding the Polylang post's featured image only."""
    folder = tmp_path / "uploads"
    (folder / "2021" / "03").mkdir(parents=True)
    Image.new("RGB", (900, 600), "teal").save(folder / "2021" / "03" / "reading-room.jpg")
    return folder
