#include "CCryptoShim.h"

#include <openssl/crypto.h>

void ikec_openssl_free(void *pointer) { OPENSSL_free(pointer); }
