"""hauloc as the people who use it meet it, black-box: a new user following the README (the
data-safety checks, the inputs users type, the words they read) and the office's server, where
cron runs the installed console script and examples/cron/hauloc-report.sh with a bare
environment. Every expected value is worked out from the issues and the README."""
