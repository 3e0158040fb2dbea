from hauloc_cli.cli import script

script()
