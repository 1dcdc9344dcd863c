# Writes the legacy-encoding fixtures beside this file with Python's codecs (an implementation
# independent of iconv, which Herald uses): one small RSS feed per encoding, its declaration
# naming the encoding the way feeds in the wild do, and EXPECTED.tsv with the text each holds.
# Run from this directory: python3 make.py
import os

cases = {
    'cp437': 'Café Ürün ½ ░▒▓', 'cp850': 'Café Ürün ½ Ø', 'cp852': 'Łódź Žluťoučký', 'cp855': 'Москва ђ',
    'cp857': 'İstanbul ğüşı', 'cp860': 'Ação São', 'cp861': 'Þórður ð', 'cp862': 'שלום עולם',
    'cp863': 'Québec Être', 'cp864': bytes([0xC1, 0xC8, 0xCA, 0x20, 0xE3, 0xE4]).decode('cp864'),
    'cp865': 'Ørsted æøå', 'cp866': 'Привет мир', 'mac_roman': 'Café ∑ ƒ •', 'mac_greek': 'Καλημέρα κόσμε',
    'mac_turkish': 'İstanbul ğüşı', 'mac_iceland': 'Þórður ðý', 'mac_latin2': 'Łódź Žluťoučký',
    'shift_jis': '東京のニュース', 'cp932': '東京①のニュース',
}
names = {
    'cp437': 'IBM437', 'cp850': 'IBM850', 'cp852': 'IBM852', 'cp855': 'IBM855', 'cp857': 'IBM857',
    'cp860': 'IBM860', 'cp861': 'IBM861', 'cp862': 'IBM862', 'cp863': 'IBM863', 'cp864': 'IBM864',
    'cp865': 'IBM865', 'cp866': 'IBM866', 'mac_roman': 'macintosh', 'mac_greek': 'x-mac-greek',
    'mac_turkish': 'x-mac-turkish', 'mac_iceland': 'x-mac-icelandic', 'mac_latin2': 'x-mac-ce',
    'shift_jis': 'Shift_JIS', 'cp932': 'windows-31j',
}
with open('EXPECTED.tsv', 'w', encoding='utf-8') as manifest:
    for codec, text in cases.items():
        doc = (f'<?xml version="1.0" encoding="{names[codec]}"?>\n<rss version="2.0"><channel><title>{text}</title>'
               f'<item><title>{text}</title><description>{text}</description></item></channel></rss>\n')
        open(f'{codec}.xml', 'wb').write(doc.encode(codec))
        manifest.write(f'{codec}.xml\t{text}\n')
# No declaration: only an HTTP charset says KOI8-R.
open('koi8r-undeclared.xml', 'wb').write(
    '<rss version="2.0"><channel><title>Новости</title><item><title>Новости дня</title></item></channel></rss>\n'
    .encode('koi8_r'))
# UTF-16 with a byte-order mark.
open('utf16.xml', 'wb').write(
    '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Ünïcode</title>'
    '<item><title>Zwölf Boxkämpfer</title></item></channel></rss>'.encode('utf-16'))
