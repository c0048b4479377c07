"""`python -m lawlint` runs the same command as the `lawlint` script."""

from lawlint.cli import main

if __name__ == "__main__":
    main()
