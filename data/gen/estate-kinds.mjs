// @ts-check
/**
 * What both generators (the sample district and the benchmark city) share about an estate's kind: the type and
 * building vocabulary of docs/data-formats.md and the syllables estate names are built from. Shared so the two
 * cannot drift apart; changing a list changes both generators' output.
 */

/** @typedef {'commercial' | 'relocation' | 'public_sold' | 'mixed'} EstateType */
/** @typedef {'multi' | 'high'} BuildingType */

export const STEM_A = '锦翠金银华景和康安瑞春明星月江湖海桂兰梅竹松柳碧嘉盛福祥泰丰悦雅宁阳晨云枫樱荷桃杏'.split('');
export const STEM_B = '林泉湾庭景华馨怡岸汇晖源澜都韵秀美和安欣乐枫桥溪山水河阳光'.split('');
/** Name endings by estate type: 商品房 sound upmarket, 动迁房 like 家园/新苑, 售后公房 like 新村/一村. @type {Record<EstateType, string[]>} */
export const SUFFIXES = {
	commercial: ['花园', '花园', '苑', '名邸', '公馆', '华庭', '雅苑', '府', '湾', '佳园', '名苑', '公寓'],
	relocation: ['家园', '家园', '新苑', '佳苑', '新村', '馨苑', '安居苑'],
	public_sold: ['新村', '新村', '小区', '一村', '二村', '三村', '公寓'],
	mixed: ['新村', '苑', '家园', '小区', '花园']
};
