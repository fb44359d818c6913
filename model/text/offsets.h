/* The offsets of the output: byte offsets of the text converted to the
 * unit a client asked for, once, when the result is written. */
#ifndef MEETINGD_TEXT_OFFSETS_H
#define MEETINGD_TEXT_OFFSETS_H

#include <stddef.h>
#include <stdint.h>

/* Byte offsets -> offsets in one unit (0 code points, 1 UTF-16 units, 2
 * bytes), in O(1) time: the units before every 64-byte block are counted
 * once, the rest of a block at each conversion. */
typedef struct offset_map {
	const char *text;
	size_t len;
	int unit;
	uint32_t *at; /* units before block i (NULL for bytes) */
} offset_map_t;

/* Count text[0..len) for unit. 0, or -1 when out of memory. */
int offset_map_init(offset_map_t *m, const char *text, size_t len, int unit);
void offset_map_free(offset_map_t *m);
/* The offset in the map's unit of byte offset byte_off (clamped to len). */
size_t offset_map_convert(const offset_map_t *m, size_t byte_off);

#endif
