import IKECLI
