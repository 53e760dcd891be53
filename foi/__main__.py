from foi.cli import main

raise SystemExit(main())
