"""The errors a user can act on: each says in one line what is wrong and with what.

Every step raises a subclass of `UserError` for bad input (a profile, a page, an
archive, an option); the command line prints its message on one line and exits
non-zero, and shows the traceback only with `-v` or `ESS_DEBUG=1`.
"""


class UserError(Exception):
    """Bad input that the user can fix; its message names the thing and says what is wrong."""
