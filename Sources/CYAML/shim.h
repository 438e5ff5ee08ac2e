// libyaml's one header, seen by Swift through this module map.
#include <yaml.h>
