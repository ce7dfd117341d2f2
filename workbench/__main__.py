"""`python -m workbench` runs the command line (and, without a subcommand, the app)."""

from workbench.entry import main

if __name__ == "__main__":
    main()
