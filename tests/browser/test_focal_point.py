"""The image library's focal point is set by clicking the picture: the mark moves there
and the saved point makes the crops."""

import pytest
from playwright.sync_api import expect

from nejat.media.demo_images import abstract_picture
from nejat.media.models import LibraryImage
from tests.factories import make_library_image

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_click_on_the_picture_sets_the_focal_point(live_server, signed_in):
    image = make_library_image(abstract_picture(3), title="Market")
    page = signed_in
    page.goto(f"{live_server.url}/admin/nejat_media/libraryimage/{image.pk}/change/")
    picture = page.locator(".focal-point img")
    expect(picture).to_be_visible()
    picture.scroll_into_view_if_needed()
    box = picture.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.75)
    expect(page.locator("#id_focal_x")).to_have_value("20")
    expect(page.locator("#id_focal_y")).to_have_value("75")
    mark = page.locator(".focal-point__mark").bounding_box()
    assert abs(mark["x"] + mark["width"] / 2 - (box["x"] + box["width"] * 0.2)) < 3
    with page.expect_navigation():
        page.locator("input[name=_save]").first.click()
    image = LibraryImage.objects.get(pk=image.pk)
    assert (image.focal_x, image.focal_y) == (20, 75)
    assert "-f20-75" in image.file.crop_url("4x3", 800)
