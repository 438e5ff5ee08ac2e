// Functions for OpenSSL names that Swift cannot call because they are macros.
// Each wrapper says which macro it replaces; nothing else belongs here.
#ifndef CCRYPTOSHIM_H
#define CCRYPTOSHIM_H

#include <stddef.h>

#include <openssl/bio.h>

/// OPENSSL_free is a macro over CRYPTO_free with the caller's file and line.
void ikec_openssl_free(void *pointer);

/// BIO_get_mem_data is a macro over BIO_ctrl(BIO_CTRL_INFO) with a pointer cast; it sets
/// *data to the memory BIO's contents and returns their length.
long ikec_bio_get_mem_data(BIO *bio, char **data);

#endif
