// Why this header exists: ncursesw's wide-character API is only declared when NCURSES_WIDECHAR
// and _XOPEN_SOURCE_EXTENDED are defined before <curses.h>, and several things Herald needs are
// C macros or mutable globals that Swift cannot import (COLOR_PAIR, A_BOLD, stdscr, LINES, COLS,
// the mouse button masks, stdin and stdout). Each is wrapped here in a static inline function or constant.
#ifndef HERALD_CNCURSES_SHIM_H
#define HERALD_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

// The columns the C library, and so ncurses, gives a character. Declared here: the system
// module Swift imports was built without the X/Open feature macro that declares it.
extern int wcwidth(wchar_t c);
static inline int herald_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

static inline int herald_color_pair(int n) { return COLOR_PAIR(n); }
static inline WINDOW *herald_stdscr(void) { return stdscr; }
static inline WINDOW *herald_curscr(void) { return curscr; }
static inline FILE *herald_stdout(void) { return stdout; }
static inline FILE *herald_stdin(void) { return stdin; }
static inline int herald_lines(void) { return LINES; }
static inline int herald_cols(void) { return COLS; }
static inline int herald_colors(void) { return COLORS; }

static const attr_t herald_a_normal = A_NORMAL;
static const attr_t herald_a_bold = A_BOLD;
static const attr_t herald_a_dim = A_DIM;
static const attr_t herald_a_italic = A_ITALIC;
static const attr_t herald_a_underline = A_UNDERLINE;
static const attr_t herald_a_reverse = A_REVERSE;

static const mmask_t herald_all_mouse_events = ALL_MOUSE_EVENTS;
static const mmask_t herald_button1_pressed = BUTTON1_PRESSED;
static const mmask_t herald_button1_clicked = BUTTON1_CLICKED;
static const mmask_t herald_button1_released = BUTTON1_RELEASED;
static const mmask_t herald_button4_pressed = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const mmask_t herald_button5_pressed = BUTTON5_PRESSED;
#else
static const mmask_t herald_button5_pressed = 0;
#endif

/// The locale's character set, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *herald_codeset(void) { return nl_langinfo(CODESET); }

#endif
