// Functions for OpenSSL names that Swift cannot call because they are macros.
// Each wrapper says which macro it replaces; nothing else belongs here.
#ifndef CCRYPTOSHIM_H
#define CCRYPTOSHIM_H

#include <stddef.h>

/// OPENSSL_free is a macro over CRYPTO_free with the caller's file and line.
void ikec_openssl_free(void *pointer);

#endif
