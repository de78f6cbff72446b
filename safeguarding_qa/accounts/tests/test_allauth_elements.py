# ruff: noqa: E501  (one allauth element per line reads best)
"""allauth's template elements render GOV.UK markup inside the service's layout."""

from __future__ import annotations

from django import forms
from django.template import RequestContext, Template, engines
from django.template.base import Origin
from django.test import RequestFactory

from safeguarding_qa.access.context import Access
from safeguarding_qa.core.testing import check_page_quality

PAGE = """{% extends "allauth/layouts/manage.html" %}{% load allauth %}
{% block head_title %}Element check{% endblock %}
{% block content %}
{% element h1 %}Element check{% endelement %}
{% element p %}A paragraph.{% endelement %}
{% element alert %}{% slot message %}Note this.{% endslot %}{% endelement %}
{% element form form=form method="post" action="/somewhere/" %}
  {% slot body %}{% element fields form=form %}{% endelement %}{% endslot %}
  {% slot actions %}
    {% element button type="submit" tags="danger,delete" %}Delete{% endelement %}
    {% element button href="/back/" tags="outline" %}Back{% endelement %}
  {% endslot %}
{% endelement %}
{% element panel %}{% slot title %}A panel{% endslot %}{% slot body %}Body{% endslot %}{% endelement %}
{% element table %}{% element thead %}{% element tr %}{% element th %}Head{% endelement %}{% endelement %}{% endelement %}
{% element tbody %}{% element tr %}{% element td %}{% element badge tags="current" %}Current{% endelement %}{% endelement %}{% endelement %}{% endelement %}{% endelement %}
{% element field id="secret" type="text" value="ABC" readonly=True %}{% slot label %}Secret{% endslot %}{% slot help_text %}Keep it.{% endslot %}{% endelement %}
{% element hr %}{% endelement %}
{% endblock %}"""


class _Form(forms.Form):
    email = forms.EmailField(label="Email", widget=forms.TextInput(attrs={"placeholder": "x"}))


def test_elements_render_a_valid_govuk_page(personas):
    request = RequestFactory().get("/")
    request.user = personas["viewer"]
    request.access = Access.for_user(personas["viewer"])  # type: ignore[attr-defined]
    request.csp_nonce = "n"  # type: ignore[attr-defined]
    # allauth's tags look at the names of the templates being extended, so give it one.
    origin = Origin(name="element_check.html", template_name="element_check.html")
    template = Template(PAGE, origin=origin, engine=engines["django"].engine)  # type: ignore[attr-defined]
    html = template.render(RequestContext(request, {"form": _Form()}))
    check_page_quality(html)
    assert '<h1 class="govuk-heading-l">Element check</h1>' in html
    assert '<p class="govuk-body">A paragraph.</p>' in html
    assert 'class="govuk-button govuk-button--warning"' in html
    assert (
        'href="/back/" role="button" draggable="false" class="govuk-button govuk-button--secondary"'
        in html
    )
    assert '<label class="govuk-label govuk-label--s" for="id_email">E-mail address</label>' in html
    assert "placeholder" not in html
    assert '<table class="govuk-table">' in html
    assert '<strong class="govuk-tag govuk-tag--green">' in html
    assert 'aria-describedby="secret-hint"' in html
