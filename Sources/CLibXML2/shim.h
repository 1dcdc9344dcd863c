// Why this header exists: libxml2's headers live under libxml2/ (found through pkg-config's
// -I/usr/include/libxml2); Herald needs the HTML parser for
// article bodies, and the streaming reader (xmlreader.h) for feeds. Two shims:
// - Debian builds libxml2 with ICU, so encoding.h includes the system's <unicode/ucnv.h>, whose
//   declarations clash with the ICU copy inside Foundation. Herald never touches the converter
//   structs that need it, so ICU is switched off for these headers.
// - xmlFree is a global function pointer, which Swift 6 will not read from nonisolated code;
//   herald_xml_free calls it from C.
#ifndef HERALD_CLIBXML2_SHIM_H
#define HERALD_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

static inline void herald_xml_free(void *pointer) { xmlFree(pointer); }
#endif
