// ikec: the command line. Everything lives in IKECLI; `CLI.main` prints and exits.
import IKECLI

CLI.main()
