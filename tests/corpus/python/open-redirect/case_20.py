from django.shortcuts import redirect


def article(request, article_id):
    number = int(article_id)
    return redirect(f"/articles/{number}/")
