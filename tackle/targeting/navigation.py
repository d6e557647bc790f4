"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""
