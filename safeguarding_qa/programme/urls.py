from django.urls import path

from .views import items, programmes

app_name = "programme"

urlpatterns = [
    path("", programmes.programme_list, name="programme-list"),
    path("add/", programmes.programme_create_view, name="programme-create"),
    path("<int:year>/", programmes.programme_detail, name="programme-detail"),
    path(
        "<int:year>/copy-forward/",
        programmes.programme_copy_forward_view,
        name="programme-copy-forward",
    ),
    path("<int:year>/items/add/", items.item_add_view, name="item-add"),
    path("items/<int:pk>/edit/", items.item_edit_view, name="item-edit"),
    path("items/<int:pk>/remove/", items.item_remove_view, name="item-remove"),
]
