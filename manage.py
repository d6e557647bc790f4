#!/usr/bin/env python
from tackle.cli import main

if __name__ == "__main__":
    main()
