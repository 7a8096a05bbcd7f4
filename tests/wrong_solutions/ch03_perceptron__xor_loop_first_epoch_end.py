"""Wrong: takes the end of epoch 1 as the loop; its bias, -1, is not the one every later epoch ends
at (0)."""

EXERCISE = "ch03.xor_loop"


def xor_loop():
    return 1, [-1.0, 0.0], -1.0, 4
