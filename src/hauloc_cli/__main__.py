from hauloc_cli.cli import main

main()
