from django.urls import path

from media_library import views

app_name = "media_library"

urlpatterns = [
    path("", views.MediaIndexView.as_view(), name="index"),
    path("cartoons/", views.CartoonListView.as_view(), name="cartoons"),
    path("cartoons/<int:pk>/", views.CartoonDetailView.as_view(), name="cartoon"),
    path("newspics/", views.NewsPicListView.as_view(), name="newspics"),
    path("newspics/<int:pk>/", views.NewsPicDetailView.as_view(), name="newspic"),
    path("albums/", views.AlbumListView.as_view(), name="albums"),
    path("albums/<int:pk>/", views.AlbumDetailView.as_view(), name="album"),
    path("albums/<int:pk>/photos/<int:photo>/", views.PhotoDetailView.as_view(), name="photo"),
    path("videos/", views.VideoListView.as_view(), name="videos"),
    path("videos/<int:pk>/", views.VideoDetailView.as_view(), name="video"),
]
