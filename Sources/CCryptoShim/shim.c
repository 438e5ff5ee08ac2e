#include "CCryptoShim.h"

#include <openssl/crypto.h>

void ikec_openssl_free(void *pointer) { OPENSSL_free(pointer); }

long ikec_bio_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }
