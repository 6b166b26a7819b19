"""Reading and writing org files: the line-precise loader with its safety limits, the fast
reader for plain files, the writer and the comment-keeping editor."""
