print("init pkg_alpha.sub", __name__)
