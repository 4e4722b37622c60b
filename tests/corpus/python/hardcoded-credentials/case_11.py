from django import forms
from django.http import JsonResponse

PASSWORD_FIELD = "password"
PASSWORD_MIN_LENGTH = 12


class SignupForm(forms.Form):
    username = forms.CharField()
    password = forms.CharField(widget=forms.PasswordInput, min_length=PASSWORD_MIN_LENGTH)


def signup(request):
    form = SignupForm(request.POST)
    return JsonResponse({"valid": form.is_valid(), "field": PASSWORD_FIELD})
