"""Publishing: an archive as a versioned, citable release folder (see `release`)."""
