"""(being written)"""


def write(coll, out):
    pass
