"""GOV.UK wording for allauth's forms: sentence-case labels, hints, and no placeholders.

allauth's forms come from the library, so their labels ("Current Password") and
placeholders are adjusted here, as they are rendered, rather than by subclassing each form.
"""

from __future__ import annotations

from django import forms, template

from ..forms import PASSWORD_RULES

register = template.Library()

# field name -> (label, hint); a hint of None keeps the field's own.
_WORDING: dict[str, tuple[str, str | None]] = {
    "login": ("E-mail address", ""),
    "email": ("E-mail address", ""),
    "oldpassword": ("Current password", ""),
    "password1": ("New password", PASSWORD_RULES),
    "password2": ("Confirm new password", ""),
    "code": (
        "Code from your authenticator app",
        "The 6-digit code the app shows now. If you have lost your phone, use a recovery code.",
    ),
}
_PASSWORD_HINTS = {"password": ""}


@register.filter
def govuk_allauth(form: forms.Form) -> forms.Form:
    """The form, reworded for GOV.UK pages; each form instance has its own fields."""
    for name, field in form.fields.items():
        field.widget.attrs.pop("placeholder", None)
        if name in _WORDING:
            label, hint = _WORDING[name]
            field.label = label
            if hint is not None:
                field.help_text = hint
        elif name in _PASSWORD_HINTS:
            # The "forgotten your password?" link sits under the form instead.
            field.help_text = _PASSWORD_HINTS[name]
        if isinstance(field.widget, forms.EmailInput) or name in {"login", "email"}:
            field.widget.attrs["spellcheck"] = "false"
    return form


@register.filter
def activation_code_form(form: forms.Form) -> forms.Form:
    """The code field when setting up an app: the hint about recovery codes does not apply."""
    form = govuk_allauth(form)
    if "code" in form.fields:
        form.fields["code"].help_text = "The 6-digit code the app shows after you add the account."
        form.fields["code"].widget.attrs.update(
            {"inputmode": "numeric", "class": "govuk-input--width-10"}
        )
    return form
