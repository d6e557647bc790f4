from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.home.dashboards import dashboard_for


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    require_module(request.user, Module.HOME)
    board = dashboard_for(request.user)
    return render(request, board.template, {"dashboard": board})
