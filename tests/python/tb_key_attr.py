# corpus: compare-stderr
# KeyError and AttributeError tracebacks from nested data access.
config = {"db": {"host": "localhost", "port": 5432}}


def get_setting(cfg, *path):
    node = cfg
    for key in path:
        node = node[key]
    return node


print(get_setting(config, "db", "host"))
try:
    get_setting(config, "db", "user")
except KeyError as e:
    print("caught", repr(e))
print(config.get("cache", {}).get("size"))
print(get_setting(config, "cache", "size"))
