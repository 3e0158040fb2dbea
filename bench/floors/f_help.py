"""F-help: the floor of `hauloc --help`, a typer app of two commands and nothing else."""

import typer

app = typer.Typer(help="A floor: two commands and nothing else.")


@app.command()
def check(actuals: str) -> None:
    """Check the actuals."""


@app.command()
def targets() -> None:
    """List the targets."""


app()
