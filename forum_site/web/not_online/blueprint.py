from flask import Blueprint

bp = Blueprint("not_online", __name__)
