/*
 * UTF-8: decoding, the code points that would drive a terminal, and how
 * many columns a character takes there.
 */
#ifndef SG_UTF8_H
#define SG_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes
 * there are not one (stray continuation, overlong form, surrogate, above
 * U+10FFFF, cut short).  *cp receives the code point. */
size_t sg_utf8_next(const uint8_t *s, size_t n, uint32_t *cp);

/* A code point a terminal acts on instead of showing: C1 controls and
 * bidirectional overrides. */
bool sg_utf8_dangerous(uint32_t cp);

/* Columns the character takes on a terminal: 2 for East Asian wide and
 * emoji, else 1. */
int sg_utf8_width(uint32_t cp);

#endif /* SG_UTF8_H */
