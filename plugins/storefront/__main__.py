"""`python -m storefront`: the same as the `storefront` command."""

import sys

from .cli import main

sys.exit(main())
