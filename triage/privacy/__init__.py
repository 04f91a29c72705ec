"""Data protection: how long callers' data is kept (retention), what is stored about one caller
(access and erasure on request), legal holds, and keeping caller data out of logs."""
