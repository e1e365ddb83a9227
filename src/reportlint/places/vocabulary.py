"""Closed word lists that tell a real place-name mention from a name-shaped piece of ordinary text.

The matcher (``matcher.py``) uses them to judge the context of short or
word-like names; the rules themselves are documented there.  The lists are
about the Chinese language, not about one data file, so they apply equally to
newer data files and to extra places.

How the two "ordinary word" lists were made: every official name whose stem
(the name without its kind suffix) or whose last two characters form a word of
jieba's dictionary (MIT licence) with frequency ≥ 800 and a part of speech other
than a proper noun was listed, then reviewed by hand: kept when the word is
common in government prose (发展, 建设, 中心, 市场, 人民…), dropped when it is
really a place name (开封, 大连, 孝感, 石首…) or rare in reports (葡萄, 太子…).
The urban-planning words of report prose (新城, 城区, 工业园区…) were added by
hand.  A test checks that every entry still matches at least one official name.
"""

from __future__ import annotations

from reportlint.usercache.patterns import compiled

#: Stems (name minus kind suffix) that are ordinary words: 发展乡 in "发展乡村旅游",
#: 建设镇 in "建设镇村道路", 中心街道 in "市中心街道两侧", 东方市 in "东方市场".
ORDINARY_WORD_STEMS = frozenset(
    [
        "一心",
        "上升",
        "上游",
        "世纪",
        "东方",
        "东风",
        "中心",
        "中方",
        "人民",
        "五一",
        "公安",
        "公平",
        "公园",
        "公民",
        "先进",
        "先锋",
        "光明",
        "冶金",
        "创业",
        "创新",
        "前进",
        "劳动",
        "化工",
        "南部",
        "发展",
        "发放",
        "合作",
        "和平",
        "和谐",
        "团结",
        "地方",
        "城中",
        "城北",
        "土地",
        "大众",
        "大地",
        "大门",
        "大陆",
        "奋斗",
        "学院",
        "安全",
        "安定",
        "富裕",
        "小城",
        "工业",
        "工人",
        "工农",
        "工程",
        "市场",
        "平台",
        "平安",
        "平等",
        "幸福",
        "广场",
        "延长",
        "建筑",
        "建设",
        "开通",
        "向上",
        "民主",
        "民众",
        "民政",
        "民族",
        "比如",
        "水泥",
        "水稻",
        "河流",
        "法官",
        "清水",
        "清风",
        "港口",
        "湿地",
        "火车站",
        "点头",
        "煤矿",
        "电力",
        "石油",
        "码头",
        "矿山",
        "统一",
        "繁荣",
        "纺织",
        "联合",
        "联盟",
        "联络",
        "航天",
        "航空",
        "花园",
        "草原",
        "解放",
        "计划",
        "资源",
        "超越",
        "车站",
        "运河",
        "迎接",
        "进化",
        "酒店",
        "重新",
        "铁矿",
        "铁路",
        "长征",
        "长期",
        "集体",
        "青年",
        "革新",
        "高兴",
        "黄金",
        "龙头",
        "健康",
        "会同",
        "友好",
        "四方",
        "园林",
        "始建",
        "宏观",
        "新兴",
        "新生",
        "更新",
        "机场",
        "留下",
        "红军",
        "致富",
        "街头",
        "商店",
        "兴建",
        "马上",
        "第一",
        "第二",
        "第三",
        "第四",
        "第五",
        "新城",
        "老城",
        "城区",
        "新区",
        "高新",
        "高新区",
        "工业区",
        "工业园",
        "工业园区",
    ]
)

#: Whole official names that are themselves ordinary words in reports.
ORDINARY_WORD_NAMES = frozenset(["城区", "郊区", "矿区", "东区", "西区", "新市区", "市中区"])

#: Last two characters of three-character names that form an ordinary word, so the
#: name's first character may belong to the word before it: 东乡镇 in "山东乡镇",
#: 东城镇 in "广东城镇化", 大集镇 in "扩大集镇规模", 远山区 in "偏远山区".
ORDINARY_WORD_TAILS = frozenset(
    [
        "城镇",
        "乡镇",
        "城乡",
        "村镇",
        "集镇",
        "市镇",
        "街镇",
        "城区",
        "市区",
        "山区",
        "林区",
        "新区",
        "军区",
        "边区",
        "家乡",
        "老乡",
        "下乡",
        "水乡",
        "全县",
        "县市",
    ]
)

#: Two-character words a body speaks of itself with (本镇 “this town”, 全乡 “the whole township”) that end official
#: three-character names (中本镇, 务本乡, 大全镇, 万全乡, 万全区): such a name needs evidence on its left, since the
#: words after it are the body's own business either way (“其中本镇政务公开……”, “做大全镇经济”).
SELF_REFERENCE_TAILS = frozenset(["本镇", "本乡", "全镇", "全乡", "全区"])

#: Characters that end a word or phrase right before a place name: prepositions,
#: conjunctions, determiners, date units and house numbers ("在秦安县", "对和县",
#: "2020年官厅镇", "沛公路2号沛县人民政府").
LEFT_FUNCTION_CHARACTERS = frozenset("在对与和及或同向由从到至赴往为于经据是即并驻原今现该各我本全将把被给让使请年月日号")

#: Characters that start a word right after a place name used as a subject or
#: object: particles, conjunctions, adverbs, directions ("秦安县的", "新村镇将",
#: "代县和", "位于代县东部").
RIGHT_FUNCTION_CHARACTERS = frozenset("的之和与及或将在是已于等为共各要把被对从按以也都还又就向由有无未不仍均全东西南北")

#: Organs of government that follow the name of their area ("和县人民政府", "秦安县委").
GOVERNMENT_WORDS = (
    "人民政府",
    "政府",
    "党委",
    "党工委",
    "委员会",
    "县委",
    "市委",
    "区委",
    "州委",
    "旗委",
    "盟委",
    "委",
    "人大",
    "政协",
    "纪委",
    "监委",
    "人民法院",
    "法院",
    "人民检察院",
    "检察院",
    "办事处",
)

#: Departments and other bodies or areas named after a place ("代县财政局", "沛县境内").
DEPARTMENT_WORDS = (
    "政务",
    "财政",
    "教育",
    "卫健",
    "卫生",
    "民政",
    "公安",
    "司法",
    "自然资源",
    "生态环境",
    "住建",
    "住房",
    "交通",
    "水利",
    "农业",
    "林业",
    "商务",
    "文旅",
    "文化",
    "市场监",
    "统计",
    "审计",
    "税务",
    "人社",
    "人力资源",
    "应急",
    "医保",
    "信访",
    "档案",
    "融媒体",
    "人民医院",
    "第一",
    "辖区",
    "境内",
    "全境",
)

#: After a name used as the actor of a clause: maybe an organ or a department ("…教育局") and its leaders, then what
#: bodies do in reports (the place analysis reads such a name as the body the sentence is about; the matcher takes a
#: name that is also an ordinary word for a place there).
ACTOR_FOLLOW = compiled(
    r"(?:人民政府|政府|党委[、和及]?政府|党委|党政|班子|办事处|[\u4e00-\u9fff]{1,10}?(?:局|委员会|委|办公室|中心))?"
    r"(?:(?:主要)?领导(?:班子)?)?[ \u3000]*(?:"  # 莲花镇领导高度重视, 莲花镇党委主要领导认真, 莲花镇党委、政府坚持
    r"将|下一阶段|下阶段|下一步|下步|今后|明年|来年|要|已|高度|认真|积极|坚持|进一步|始终|切实|全面|严格|"
    r"按照|根据|依据|围绕|聚焦|结合|紧紧|不断|扎实|深入|大力|着力|持续|继续|加强|加大|完善|建立|健全|"
    r"成立|制定|落实|推进|推动|开展|主动|及时|依托|利用|充分|注重|强化|狠抓|共|全年|本年|坚决|立足|对|把|通过|精心|配齐|配强|"
    r"在[^，。；,;\n]{0,16}(?:领导|指导|部署|带领)下|在[^，。；,;\n]{0,24}基础上"  # 在区委的正确领导下, 在总结……的基础上
    r"|现(?:将|就|面向|向社会|予以|公布|发布)"  # 现面向社会公布
    r")"
)
