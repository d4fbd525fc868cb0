# corpus: compare-stderr
# Uncaught exception with an explicit cause: "The above exception was the direct cause..."
class ConfigError(Exception):
    pass


def load():
    raise FileNotFoundError("config.ini missing")


def configure():
    try:
        load()
    except OSError as e:
        raise ConfigError("cannot configure") from e


print("configuring")
configure()
