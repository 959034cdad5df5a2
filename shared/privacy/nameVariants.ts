// Variant kanji that people use interchangeably in names: a customer stored as 髙橋 is the same
// person when an answer says 高橋. Each variant folds to the common form on both sides (the stored
// name and the text), so any spelling finds any other. NFKC already folds the compatibility
// ideographs (U+F900–U+FAFF) that have a decomposition; this table covers the unified ones.

const GROUPS: readonly string[] = [
  '高髙',
  '崎﨑嵜碕',
  '辺邊邉',
  '斎齋齊斉',
  '沢澤',
  '浜濱',
  '徳德',
  '国國',
  '栄榮',
  '広廣',
  '桜櫻',
  '竜龍',
  '瀬瀨',
  '真眞',
  '会會',
  '蔵藏',
  '実實',
  '学學',
  '恵惠',
  '浅淺',
  '弥彌',
  '寿壽',
  '条條',
  '来來',
  '増增',
  '万萬',
  '島嶋嶌',
  '槙槇',
  '野埜',
  '富冨',
  '峰峯',
  '館舘',
  '円圓',
  '黒黑',
  '青靑',
  '清淸',
  '県縣',
  '関關',
  '村邨',
  '桑桒',
  '渕淵渊',
  '鴎鷗',
  '桧檜',
  '戸戶户',
  '吉𠮷',
  '隆隆',
  '塚塚',
  '神神',
  '福福',
  '祐祐',
  '礼禮',
  '亀龜',
  '穂穗',
  '晃晄',
  '巌巖',
  '縁緣',
  '郎郞',
];

/** Variant → common form (the first character of each group). Supplementary variants by code point. */
export const NAME_VARIANTS: ReadonlyMap<number, number> = new Map(
  GROUPS.flatMap((group) => {
    const [common, ...variants] = Array.from(group);
    const to = common!.codePointAt(0)!;
    return variants.map((v) => [v.codePointAt(0)!, to] as const).filter(([from]) => from !== to);
  }),
);
