"""A batch of submissions with copy rings: templates copied by many units, plus originals.

Usage: python benchmarks/ring_corpus.py N OUT_DIR [--originals K] [--seed S]

Builds about N reports: 20 templates copied N/20 times each on average (ring sizes from 5 to
about 30% of the copies), and K originals (default N/10). Writes OUT_DIR/report-00000.txt … and
OUT_DIR/manifest.json, the ground truth:

    {"rings": [[the file names of one template's copies, its author's included], ...],
     "originals": [file names],
     "authors": [per ring, the file of the organ that wrote the template: dated earliest],
     "organs": {file name: organ}}

and prints how alike the reports are (clause-set Jaccard, sampled pairs).

Every report is written from a grammar of slots (policy areas, actions, objects, figures,
outcomes; a few hundred words each), so that two reports written apart share almost no
clause but the national wording every report quotes (the section headings of the 规定,
「党政主要负责人履行推进法治建设第一责任人职责」 and a few stock sentences). A ring member
is its template with the organ (and every short form of it), the place and its towns, every
figure (Arabic and Chinese numerals) and every date swapped, and 0–15% of its sentences
dropped or rewritten, sometimes paragraphs reordered. Deterministic for a seed; no network.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

YEAR = 2024


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- organs -------------------------------------------------------------------------------

_FIRST = _words("""安 平 永 清 德 福 长 新 宁 和 兴 东 西 南 北 泰 丰 怀 宜 汉 青 江 河 湖 山 海 云
    景 嘉 庆 隆 昌 定 正 吉 临 承 益 龙 凤 石 白 黄 金 玉 桂 枣 柳 松 梅 兰 武 文 崇 宝 通 阳 华
    成 太 广 秀 瑞 乐 利 延 开 连 富""")
_SECOND = _words("""安 平 阳 宁 江 源 川 山 城 丰 乐 远 化 兴 昌 林 泉 溪 水 河 都 州 陵 原 台 德
    和 康 泰 明 塘 岭 峰 田 桥 口 坪 沟 湾 浦 津 滨 湖 埠 集 庄 店 营 关 岗 岩 坡 洲 门 屯 港 亭
    阜 谷 沙 峪 垣 里""")
_CITIES = _words("""清远 江门 泉州 漳州 赣州 南阳 曲靖 绵阳 宜宾 遵义 桂林 柳州 株洲 岳阳 常德
    衡阳 襄阳 宜昌 荆州 芜湖 安庆 阜阳 临沂 潍坊 济宁 泰安 保定 邯郸 唐山 大同 运城 榆林
    宝鸡 天水 金华 台州 绍兴 湖州 嘉兴 盐城 扬州 泰州 九江 上饶 吉安""")

# (name, how it calls itself, its principal leader, its own policy areas)
_DEPARTMENTS = (
    ("司法局", "我局", "局党组书记、局长", "行政执法协调监督 公共法律服务 人民调解 法律援助 社区矫正 普法依法治理"),
    ("卫生健康局", "我局", "局党组书记、局长", "医疗纠纷调处 传染病防控 公共场所卫生 医疗机构监管 职业健康 母婴保健"),
    ("卫生健康委员会", "我委", "委党组书记、主任", "医疗纠纷调处 传染病防控 医疗机构监管 院感防控 无偿献血"),
    ("市场监督管理局", "我局", "局党组书记、局长", "食品安全 特种设备 价格监管 知识产权保护 广告监管 计量监督"),
    ("人力资源和社会保障局", "我局", "局党组书记、局长", "劳动保障监察 欠薪治理 劳动人事争议仲裁 社会保险基金 就业服务"),
    ("住房和城乡建设局", "我局", "局党组书记、局长", "建筑市场 工程质量 物业管理 燃气安全 老旧小区改造"),
    ("交通运输局", "我局", "局党组书记、局长", "道路运输 公路路政 出租汽车 水路运输 交通工程质量"),
    ("农业农村局", "我局", "局党组书记、局长", "农产品质量安全 动物防疫 农资市场 宅基地管理 农村土地承包"),
    ("应急管理局", "我局", "局党组书记、局长", "安全生产 危险化学品 防汛抗旱 森林防火 应急救援"),
    ("教育局", "我局", "局党组书记、局长", "校外培训 校园安全 教育督导 学生资助 民办教育"),
    ("民政局", "我局", "局党组书记、局长", "社会救助 养老服务 殡葬管理 婚姻登记 社会组织 未成年人保护"),
    ("财政局", "我局", "局党组书记、局长", "政府采购 国有资产 财会监督 预算管理 涉企收费"),
    ("自然资源局", "我局", "局党组书记、局长", "耕地保护 国土空间规划 不动产登记 矿产资源 土地执法"),
    ("水利局", "我局", "局党组书记、局长", "河湖长制 水资源管理 水土保持 水利工程 河道采砂"),
    ("文化和旅游局", "我局", "局党组书记、局长", "文化市场 旅游市场 文物安全 非遗保护 网络文化"),
    ("退役军人事务局", "我局", "局党组书记、局长", "退役军人服务 优抚安置 拥军优属 双拥工作"),
    ("医疗保障局", "我局", "局党组书记、局长", "医疗保障基金 药品集采 医保支付 定点医药机构"),
    ("林业局", "我局", "局党组书记、局长", "林长制 森林资源 野生动植物保护 林地管理"),
    ("统计局", "我局", "局党组书记、局长", "统计数据质量 统计执法 统计调查 防范统计造假"),
    ("城市管理和综合执法局", "我局", "局党组书记、局长", "城市管理 市容环境 违法建设 户外广告 生活垃圾分类"),
    ("商务局", "我局", "局党组书记、局长", "商贸流通 外商投资 成品油市场 单用途预付卡"),
    ("审计局", "我局", "局党组书记、局长", "审计监督 经济责任审计 审计整改"),
    ("发展和改革局", "我局", "局党组书记、局长", "价格管理 招标投标 社会信用体系 重大项目"),
    ("工业和信息化局", "我局", "局党组书记、局长", "工业企业服务 中小企业服务 节能降碳 无线电管理"),
    ("行政审批服务局", "我局", "局党组书记、局长", "政务服务 一网通办 证照分离 告知承诺 帮办代办"),
    ("人民防空办公室", "我办", "办党组书记、主任", "人防工程 防空警报 人防宣传教育"),
    ("信访局", "我局", "局党组书记、局长", "信访工作 人民建议征集 信访积案化解"),
    ("公安局", "我局", "局党委书记、局长", "治安管理 反电信网络诈骗 禁毒 道路交通安全"),
    ("科学技术局", "我局", "局党组书记、局长", "科技项目管理 科研诚信 技术市场"),
    ("体育局", "我局", "局党组书记、局长", "体育市场 全民健身 体育场馆安全"),
    ("数据资源管理局", "我局", "局党组书记、局长", "政务数据共享 数据安全 数字政府"),
)


@dataclass(frozen=True, slots=True)
class Organ:
    """A submitting organ and every form of its name a report uses."""

    full: str          # 安平县司法局
    short: str         # 县司法局
    self: str          # 我局
    scope: str         # 全县
    superiors: str     # 县委、县政府
    leader: str        # 局党组书记、局长
    place: str         # 安平县 (the county, district or county-level city)
    name: str          # 安平 (the place's own name)
    locals: tuple[str, ...]   # its towns (or, for a town, its villages)
    kind: str          # a department's name, or 县政府 / 镇 / 街道
    areas: tuple[str, ...]


class Places:
    """Invented county-level places (two characters + 县/区/市), each used once."""

    def __init__(self, rng: random.Random):
        names = [a + b for a in _FIRST for b in _SECOND if a != b]
        rng.shuffle(names)
        self.places = []
        for name in names:
            draw = rng.random()
            if draw < 0.55:
                self.places.append((name + "县", name, "县"))
            elif draw < 0.85:
                self.places.append((rng.choice(_CITIES) + "市" + name + "区", name, "区"))
            else:
                self.places.append((name + "市", name, "市"))

    def towns(self, place: str, count: int = 8) -> tuple[str, ...]:
        rng = random.Random("towns:" + place)
        suffix = ("镇", "镇", "镇", "乡", "街道")
        return tuple(rng.choice(_FIRST) + rng.choice(_SECOND) + rng.choice(suffix) for _ in range(count))

    def villages(self, town: str, count: int = 8) -> tuple[str, ...]:
        rng = random.Random("villages:" + town)
        return tuple(rng.choice(_FIRST) + rng.choice(_SECOND) + rng.choice(("村", "村", "社区"))
                     for _ in range(count))


class Organs:
    """Distinct organs drawn from the places: departments, county governments, towns, streets."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.places = Places(rng)
        self.used: set[str] = set()

    def draw(self, kind: str | None = None, not_in: str | None = None) -> Organ:
        """A new organ, of `kind` if one can be found, never in the place `not_in`."""
        rng = self.rng
        for attempt in range(400):
            place, name, level = rng.choice(self.places.places)
            if place == not_in:
                continue
            wanted = kind if kind is not None and attempt < 200 else self._kind()
            organ = self._make(wanted, place, name, level, rng)
            if organ.full not in self.used:
                self.used.add(organ.full)
                return organ
        raise RuntimeError("ran out of organ names")

    def _kind(self) -> str:
        draw = self.rng.random()
        if draw < 0.8:
            return self.rng.choice(_DEPARTMENTS)[0]
        return "县政府" if draw < 0.86 else "镇" if draw < 0.95 else "街道"

    def _make(self, kind: str, place: str, name: str, level: str, rng: random.Random) -> Organ:
        towns = self.places.towns(place)
        above = f"{level}委、{level}政府"
        if kind == "县政府":
            return Organ(place + "人民政府", level + "政府", "我" + level, "全" + level, "市委、市政府",
                         f"{level}政府主要负责同志", place, name, towns, kind, ())
        if kind in ("镇", "街道"):
            candidates = [t for t in towns if t.endswith("街道") == (kind == "街道")] or list(towns)
            town = rng.choice(candidates)
            villages = self.places.villages(place + town)
            if town.endswith("街道"):
                return Organ(place + town + "办事处", "街道办事处", "我街道", "全街道", above,
                             "街道党工委书记、办事处主任", place, name, villages, kind, ())
            unit = town[-1]
            return Organ(place + town + "人民政府", unit + "政府", "我" + unit, "全" + unit, above,
                         f"{unit}党委书记、{unit}长", place, name, villages, kind, ())
        department = next(d for d in _DEPARTMENTS if d[0] == kind)
        dept, self_, leader, areas = department
        short = level + (dept.replace("委员会", "委"))
        return Organ(place + dept, short, self_, "全" + level, above, leader, place, name, towns, dept,
                     _words(areas))


# --- the grammar ---------------------------------------------------------------------------

_ADV = _words("""持续 全面 深入 扎实 进一步 不断 着力 切实 积极 稳步 大力 认真 严格 统筹 加快 有序
    系统 精准 主动 率先 逐步 全力 高标准 多措并举 聚力 创新 探索 重点 及时 定期 分类 依法 集中
    专项 协同 联合 同步 常态化 规范化 标准化 数字化 一体化 闭环式 清单化 项目化 滚动式 点对点
    全链条 全流程 全方位 多维度 高质量 高效率 靶向 源头 前置 穿透式 嵌入式 沉浸式""")
_VERB = _words("""推进 完善 健全 建立 规范 强化 落实 深化 优化 提升 加强 推行 梳理 修订 制定 细化
    压实 夯实 拓展 开展 组织 实施 构建 打造 整合 推广 排查 整治 清理 评估 审查 督办 调度 研判
    公开 公示 更新 编制 动态调整 跟踪 复盘 衔接 运用 培育 建成 配齐 指导 督促 考核 通报 核查
    抽查 评查 回访 升级 重塑 迭代 固化 延伸 贯通 嵌入 下沉 织密 筑牢 用好 盘活""")
_NOUN = _words("""工作机制 制度体系 责任清单 工作台账 办理流程 裁量基准 评价体系 信息平台 工作规程
    联席会议制度 考核办法 操作指引 风险清单 服务清单 事项目录 监督机制 协作机制 会商机制 预警机制
    通报制度 约谈制度 审查程序 配套措施 标准规范 数据库 专家库 案例库 工作专班 服务专区 示范点
    试点 网格 队伍 考评细则 实施方案 任务清单 问题清单 整改台账 承诺制度 公示制度 回访制度
    首问负责制 限时办结制 一次性告知制度 容缺受理机制 帮办代办机制 闭环管理机制 分级分类监管
    信用档案 执法文书 执法记录 案卷档案 培训体系 宣传矩阵 阵地建设 议事规则 决策程序 听证程序
    备案审查 合法性审核 权责清单 履职清单 监管规则 评估报告 研判机制 督导机制 衔接机制 联动机制
    激励机制 容错机制 退出机制 反馈机制 指挥体系 保障体系 服务体系 监测体系""")
_DOMAIN = _words("""行政执法 行政复议 行政应诉 行政调解 行政裁决 政务公开 政务服务 规范性文件 重大行政决策
    合法性审查 公平竞争审查 信用监管 营商环境 矛盾纠纷化解 安全生产 食品安全 药品安全 生态环境保护
    农村土地承包 城市管理 市场监管 医疗卫生 教育督导 社会救助 退役军人服务 网格化治理 交通运输
    水资源管理 自然资源 耕地保护 住房保障 物业管理 劳动保障监察 欠薪治理 消防安全 燃气安全 特种设备
    知识产权保护 反电信诈骗 禁毒 扫黑除恶常态化 信访工作 人民调解 公共法律服务 法律援助 社区矫正
    安置帮教 普法宣传 法治乡村 民主法治示范村 法律顾问 公职律师 行政执法监督 执法人员资格 案卷评查
    审计监督 统计监督 财会监督 政府采购 国有资产 招标投标 涉企收费 减税降费 数字政府 一网通办
    跨省通办 证照分离 告知承诺 包容审慎监管 轻微违法免罚 双随机一公开 综合行政执法 乡镇执法
    城乡规划 建筑市场 工程质量 历史文化保护 文物安全 文化市场 旅游市场 体育市场 校外培训 校园安全
    未成年人保护 妇女儿童权益 养老服务 殡葬管理 婚姻登记 社会组织 慈善事业 残疾人服务 医保基金
    药品集采 传染病防控 职业健康 公共卫生 应急管理 防汛抗旱 森林防火 地质灾害防治 气象灾害防御
    粮食安全 农产品质量 动物防疫 农资市场 渔业资源 河湖长制 林长制 大气污染防治 水污染防治
    土壤污染防治 固体废物 噪声污染 节能降碳 统计数据质量 档案管理 保密工作 数据安全 个人信息保护
    网络安全 政务数据共享 12345热线 信用修复 失信惩戒 企业破产 涉企执法 重点项目 征地拆迁
    房屋征收 农民工工资 人才服务 就业服务 社会保险 住房公积金 房地产市场 老旧小区改造 人居环境整治
    乡村振兴 集体经济 宅基地管理 村务公开 基层自治 群防群治 平安建设 综治中心 人民建议征集
    行政争议 行政诉讼 复议纠错 法治督察 依法治县 法治文化阵地 宪法宣传 民法典宣传 学法考法
    领导干部述法 行政许可 行政处罚 行政强制 行政检查 行政征收 行政给付 行政确认 政府合同
    涉外法律服务 仲裁 公证 司法鉴定 调解组织 法律明白人 法治副校长 企业合规 商事调解""")
_GROUP = _words("""企业群众 市场主体 经营主体 困难群众 老年人 青少年 农民工 新就业形态劳动者 外来务工人员
    个体工商户 小微企业 村（社区）干部 网格员 人民调解员 执法人员 行政相对人 重点企业 规上企业
    留守儿童 退役军人 残疾人 妇女儿童 快递小哥 外卖骑手 出租车驾驶员 民营企业家 律师
    基层法律服务工作者 法律明白人 普法志愿者 在校学生 个体经营户 种养大户 家庭农场主 物业企业""")
_CONCERN = _words("""急难愁盼问题 反映强烈的突出问题 操心事烦心事揪心事 高频办事需求 多样化法律需求 合理诉求
    关键小事 身边事 堵点难点 痛点问题 共性问题 个性化需求 维权难题 办事不便问题 重复检查问题
    多头执法问题 隐性壁垒 历史遗留问题 苗头性问题 倾向性问题""")
_QUALITY = _words("""水平 质效 效能 满意度 规范化程度 便利度 透明度 公信力 覆盖面 知晓率 精准度 协同性
    执行力 保障能力 治理效能 法治化水平 标准化水平 信息化水平 获得感 响应速度 办理质量 专业化水平
    群众认可度 制度刚性""")
_CHANGE = _words("""明显提升 显著增强 稳步提高 持续改善 不断提升 进一步提高 大幅提升 得到加强 有效增强
    全面提升 实现新突破 迈上新台阶 稳中有升 逐年提高 明显改善 持续巩固 不断增强 有力提升
    位居全市前列 好于预期""")
_TAIL = _words("""提质增效 规范运行 落地见效 向纵深发展 走深走实 常态长效 标准化规范化建设 高效运转
    提档升级 扩面提质 见行见效 规范有序开展 依法有序进行 全覆盖 闭环落实 协同联动 精准发力
    对标对表 形成合力 有序衔接""")
_GOAL = _words("""经济社会高质量发展 乡村全面振兴 优化营商环境 基层社会治理 平安建设 民生改善 产业转型升级
    中心工作大局 重点项目建设 城市更新 生态文明建设 社会大局稳定 县域经济发展 共同富裕""")
_SUPPORT = _words("""坚实法治保障 有力法治支撑 优质法律服务 良好法治环境 有力制度保障 法治化保障""")
_PREFIX = _words("""全年 全年共 截至12月底 截至目前 今年以来 年内 累计 报告期内 一年来 上半年 下半年""")
_COUNT_VERB = _words("""办理 受理 审查 审核 培训 检查 排查 化解 公开 发布 清理 开展 调处 督办 回访 评查 核查
    答复 办结 录入 推送 整改 移交 归集 抽检 备案""")
_COUNT_NOUN = (("案件", "件"), ("事项", "项"), ("问题", "个"), ("隐患", "处"), ("线索", "条"), ("培训", "场次"),
               ("检查", "次"), ("活动", "场"), ("人员", "人次"), ("文件", "件"), ("工单", "件"), ("纠纷", "起"),
               ("意见建议", "条"), ("台账", "本"), ("卷宗", "卷"), ("合同", "份"), ("信息", "条"), ("申请", "件"))
_RATE = _words("""按期办结率 群众满意率 网上可办率 调解成功率 案卷合格率 纠错率 出庭应诉率 公开率 覆盖率
    知晓率 回访率 整改完成率 即办率 好评率 履约率 审查率""")
_RATE_VERB = ("达到", "保持在", "提升至", "为", "稳定在")
_DOC_TYPE = _words("""工作方案 实施方案 管理办法 实施细则 工作规则 工作指引 考核办法 工作制度 操作规程 三年行动计划
    专项整治方案 责任清单 工作要点 应急预案 指导意见 任务分解表 工作导则 规范指引""")
_DOC_VERB = ("印发", "制定出台", "修订", "起草", "研究制定", "联合印发", "出台", "编制")
_LAWS = ("《中华人民共和国行政处罚法》", "《中华人民共和国行政复议法》", "《优化营商环境条例》",
         "《重大行政决策程序暂行条例》", "《中华人民共和国民法典》", "《中华人民共和国宪法》",
         "《中华人民共和国安全生产法》", "《信访工作条例》", "《中华人民共和国行政许可法》",
         "《中华人民共和国政府信息公开条例》", "《中华人民共和国食品安全法》", "《中华人民共和国行政强制法》",
         "《中华人民共和国国家安全法》", "《中华人民共和国保守国家秘密法》", "《中华人民共和国未成年人保护法》",
         "《中华人民共和国妇女权益保障法》", "《中华人民共和国黄河保护法》", "《中华人民共和国乡村振兴促进法》",
         "《中华人民共和国公司法》", "《中华人民共和国慈善法》", "《中华人民共和国统计法》",
         "《中华人民共和国反电信网络诈骗法》", "《中华人民共和国无障碍环境建设法》", "《保障农民工工资支付条例》",
         "《中华人民共和国行政诉讼法》", "《中华人民共和国公职人员政务处分法》", "《中华人民共和国法律援助法》",
         "《中华人民共和国人民调解法》", "《中华人民共和国数据安全法》", "《中华人民共和国个人信息保护法》")
_STUDY = ("组织学习", "专题学习", "集中学习", "深入学习", "开展学习", "系统学习", "邀请专家解读", "组织宣讲")
_BRAND_A = _words("""和美 枫桥 连心 暖心 红枫 金牌 贴心 安心 睦邻 融合 同心 聚力 清风 明镜 阳光 便民 惠民
    为民 亲民 一站式 家门口 指尖 码上 云端 智慧 数字 法润 法护 法行 法韵 晨曦 春风 和风 明理
    初心 匠心 巾帼 红色 绿色 蓝色 乡音 石榴籽 老兵 银龄 青春 童心 向阳 益企 安企 护企 暖企 助企
    润企 邻里 和谐 平安 善治 德治 自治 共治 众治 小院 老街 古镇 山海 田园 江畔 溪边""")
_BRAND_B = _words("""调解 说法 议事 服务 课堂 驿站 讲堂 先锋 帮办 连线 直通 快办 同行 守护 护航 解纷 讲理
    评理 会客 夜话 茶话 圆桌 板凳 有约 在线 到家 随行 护苗 护企 帮扶 清单 码上办""")
_CARRIER = _words("""调解室 工作室 驿站 服务站 课堂 大讲堂 品牌 服务队 宣讲团 议事厅 工作法 服务号 专窗 服务岗
    志愿队 实践基地 主题公园 文化长廊 示范街区 服务中心""")
_BRAND_VERB = ("打造", "培育", "创建", "推出", "升级", "擦亮", "叫响", "建成")
_TRIAL = ("试点推行", "率先建立", "推广运用", "探索开展", "全面铺开", "先行先试", "示范带动")
_EVENT = _words("""宪法宣传周 民法典宣传月 法治宣传教育月 安全生产月 综合执法开放日 行政执法案卷评查
    法治讲座 旁听庭审 以案释法 送法下乡 法治文艺汇演 知识竞赛 行政执法技能比武 普法集市
    法律咨询 模拟法庭 复议听证 法治夜校 网上学法考试 集中宣誓""")
_ORGANISE = ("组织开展", "联合开展", "举办", "承办", "部署开展", "集中开展", "指导开展")
_MEETING = _words("""党组会议 党委会议 局务会议 委务会议 办公会议 常务会议 理论学习中心组学习 专题会议 推进会
    调度会 联席会议 专题民主生活会""")
_MEET_VERB = ("召开", "主持召开", "先后召开", "组织召开")
_LEAD_VERB = ("亲自研究部署", "亲自协调推进", "亲自督办落实", "专题调研督导", "定期听取", "现场督导",
              "带头研究", "牵头推进", "专题部署", "亲自审定")
_LEAD_DEED = ("带头讲授法治专题党课", "带头旁听行政诉讼庭审", "带头出庭应诉", "带头学习宪法法律",
              "带头落实重大行政决策程序", "带头接访下访", "带头参加宪法宣誓", "带头遵守党内法规")
_SHORT = _words("""工作还不够平衡 仍存在薄弱环节 能力水平有待提升 制度执行还不够严格 宣传覆盖面还不够广
    信息化支撑不足 统筹协调有待加强 人员配备不足 专业化程度不高 精细化程度不够 创新举措不多
    基础工作不够扎实 长效机制尚未健全 监督合力尚未形成 质效仍需提升 衔接不够顺畅 数据共享不够充分
    考核评价不够科学 规范化水平参差不齐 作用发挥不够充分""")
_CAUSE = _words("""思想认识不够到位 学法用法主动性不强 专业人才储备不足 经费保障不够充足 基层力量相对薄弱
    工作任务繁重 新情况新问题较多 制度建设相对滞后 督促检查不够有力 培训针对性不强
    部门协作机制不健全 信息化投入不足 人员流动较大 考核激励作用不明显""")
_PLAN_VERB = _words("""着力 坚持 聚焦 持续 深入 全面 加快 稳步 扎实 进一步""")
_ASK = _words("""健全 完善 深化 推动 强化 提升 规范 优化 拓展 压实""")

# The national wording every report quotes: the 规定's section headings and stock sentences.
_STOCK = (
    "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。",
    "全面贯彻落实党的二十大和二十届二中、三中全会精神。",
    "认真落实《法治政府建设实施纲要（2021—2025年）》各项任务。",
    "严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》。",
    "坚持把法治政府建设作为全局性、基础性工作来抓。",
    "不断提升运用法治思维和法治方式解决问题的能力。",
    "坚持重大问题亲自过问、重要环节亲自协调、重要任务亲自督办。",
    "将法治建设与业务工作同部署、同推进、同督促、同考核、同奖惩。",
    "自觉把党的领导贯穿法治政府建设全过程和各方面。",
    "切实履行党政主要负责人履行推进法治建设第一责任人职责。",
    "将履行推进法治建设第一责任人职责情况列入年终述职内容。",
    "坚持把学法作为党组理论学习中心组的必学内容。",
    "严格执行重大行政决策程序，坚持合法性审查全覆盖。",
    "全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
    "坚持“谁执法谁普法”普法责任制。",
    "扎实推进“八五”普法规划实施。",
)
_HEAD_MEASURES = ("{y}年推进法治政府建设的主要举措和成效", "{y}年度推进法治政府建设的主要举措和成效",
                  "{y}年推进法治政府建设主要举措和成效")
_HEAD_LEADER = ("{y}年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                "{y}年度党政主要负责人履行推进法治建设第一责任人职责情况")
_HEAD_SHORT = ("{y}年推进法治政府建设存在的不足和原因", "推进法治政府建设存在的不足和原因",
               "{y}年度推进法治政府建设存在的不足和原因")
_HEAD_PLANS = ("{n}年推进法治政府建设的主要安排", "{n}年度推进法治政府建设的主要安排",
               "下一年度推进法治政府建设的主要安排")
_HEAD_OTHER = ("其他需要报告的情况", "{y}年度法治督察反馈问题整改情况", "{y}年法治政府建设示范创建情况")
_CN = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """1–99 in Chinese numerals: 十二, 二十, 三十五."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _CN[ones]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


class Grammar:
    """Sentences as parts: a str, or a slot — ("o", attribute) of the organ, ("l", k) its k-th
    town, ("n", id, lo, hi) a figure, ("f", id, lo, hi) a figure with one decimal, ("c", id,
    lo, hi) a Chinese numeral, ("d", id) a date of the year. Slots with an id are redrawn by
    every copy (never to the template's value)."""

    def __init__(self, rng: random.Random, areas: tuple[str, ...] = (), first_id: int = 0):
        self.rng = rng
        self.areas = areas
        self.next_id = first_id

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def pick(self, words):
        return words[int(self.rng.random() * len(words))]

    def domain(self) -> str:
        if self.areas and self.rng.random() < 0.3:
            return self.pick(self.areas)
        return self.pick(_DOMAIN)

    # clauses
    def act(self):
        return [self.pick(_ADV), self.pick(_VERB), self.domain(), self.pick(_NOUN)]

    def act2(self):
        return [self.pick(_VERB), self.domain(), self.pick(_NOUN), "和", self.domain(), self.pick(_NOUN)]

    def target(self):
        return [self.pick(("围绕", "聚焦", "针对", "紧盯", "回应", "着眼")), self.pick(_GROUP), self.pick(_CONCERN)]

    def outcome(self):
        return [self.domain(), self.pick(_QUALITY), self.pick(_CHANGE)]

    def purpose(self):
        return [self.pick(("推动", "促进", "确保", "助力", "保障")), self.domain(), self.pick(_TAIL)]

    def support(self):
        return ["为", ("o", "scope") if self.rng.random() < 0.5 else "", self.pick(_GOAL), "提供",
                self.pick(_SUPPORT)]

    def count(self):
        noun, unit = self.pick(_COUNT_NOUN)
        lo = self.rng.choice((2, 10, 30, 100))
        return [self.pick(_PREFIX), self.pick(_COUNT_VERB), self.domain(), noun,
                ("n", self._id(), lo, lo * 40), unit]

    def rate(self):
        return [self.domain(), self.pick(_RATE), self.pick(_RATE_VERB), ("f", self._id(), 850, 999), "%"]

    def money(self):
        return [self.pick(("罚没款", "涉案金额", "挽回经济损失", "追回资金", "为企业节约成本", "帮助追讨欠薪")),
                ("f", self._id(), 100, 90000), "万元"]

    def doc(self):
        rng = self.rng
        if rng.random() < 0.5:
            whose = ("o", "full") if rng.random() < 0.6 else ("o", "place")
            return [self.pick(_DOC_VERB), "《", whose, self.domain(), self.pick(_DOC_TYPE), "》"]
        return [self.pick(_DOC_VERB), "《关于", self.pick(_ADV), self.pick(_VERB), self.domain(),
                self.pick(_NOUN), "的", self.pick(_DOC_TYPE), "》"]

    def law(self):
        first, second = self.rng.sample(_LAWS, 2)
        return [self.pick(_STUDY), first, second, "等法律法规"]

    def local(self):
        k = int(self.rng.random() * 8)
        return ["在", ("l", k), "、", ("l", k + 1), "等", ("c", self._id(), 3, 12), "个",
                self.pick(("乡镇（街道）", "村（社区）", "园区", "站所", "网格")), self.pick(_TRIAL),
                "“", self.pick(_BRAND_A), self.pick(_BRAND_B), "”", self.pick(_CARRIER)]

    def brand(self):
        return [self.pick(_BRAND_VERB), "“", self.pick(_BRAND_A), self.pick(_BRAND_B), "”",
                self.pick(_CARRIER)]

    def event(self):
        return [("d", self._id())]

    def event_body(self):
        return [self.pick(_ORGANISE), ("o", "scope") if self.rng.random() < 0.6 else "",
                self.domain(), self.pick(_EVENT), "活动"]

    def people(self):
        return [self.pick(("覆盖", "服务", "惠及", "培训", "吸引", "参与")), self.pick(_GROUP),
                ("n", self._id(), 50, 9000), "人次"]

    def meeting(self):
        return [self.pick(_MEET_VERB), self.pick(_MEETING), "专题研究", self.domain(), "工作",
                ("c", self._id(), 3, 15), "次"]

    def leader(self):
        if self.rng.random() < 0.4:
            return [("o", "leader"), self.pick(_LEAD_DEED)]
        return [("o", "leader"), self.pick(_LEAD_VERB), self.domain(), "工作"]

    def selfact(self):
        return [("o", "self"), self.pick(_ADV), self.pick(_VERB), self.domain(), self.pick(_NOUN)]

    # sentences
    def sentence(self):
        rng = self.rng
        pattern = rng.random()
        if pattern < 0.14:
            clauses = [self.act(), self.outcome()]
        elif pattern < 0.26:
            clauses = [self.target(), self.act(), self.purpose()]
        elif pattern < 0.34:
            clauses = [self.act(), self.count(), self.outcome()] if rng.random() < 0.6 else \
                [self.act(), self.purpose(), self.rate()]
        elif pattern < 0.40:
            clauses = [self.doc(), self.act(), self.purpose()]
        elif pattern < 0.44:
            clauses = [self.event(), self.event_body(), self.people()]
        elif pattern < 0.56:
            return self._join([self.act(), self.act2()], "；")
        elif pattern < 0.61:
            clauses = [self.local(), self.outcome()]
        elif pattern < 0.69:
            clauses = [self.brand(), self.act(), self.outcome()]
        elif pattern < 0.75:
            clauses = [self.selfact(), self.purpose(), self.support()]
        elif pattern < 0.80:
            clauses = [self.law(), self.act()]
        elif pattern < 0.86:
            clauses = [self.act(), self.act2(), self.outcome()]
        elif pattern < 0.90:
            clauses = [self.act(), self.money() if rng.random() < 0.5 else self.count(), self.outcome()]
        else:
            clauses = [self.target(), self.act2(), self.outcome()]
        return self._join(clauses, "，")

    @staticmethod
    def _join(clauses, mark: str):
        parts = []
        for clause in clauses:
            if parts:
                parts.append(mark)
            parts.extend(clause)
        parts.append("。")
        return tuple(parts)

    def leader_sentence(self):
        draw = self.rng.random()
        if draw < 0.35:
            return self._join([self.leader(), self.act()], "，")
        if draw < 0.65:
            return self._join([self.meeting(), self.act2()], "，")
        if draw < 0.8:
            return self._join([self.law(), self.outcome()], "，")
        return self._join([self.selfact(), self.purpose()], "，")

    def meeting_sentence(self):
        return self._join([self.meeting(), self.act()], "，")

    def report_sentence(self):
        said = self.pick(("在年终述职中专题述法", "带头开展年终述法", "在年度述职中同步述法", "在党组会议上专题述法",
                          "向上级党委书面述法"))
        return self._join([[("o", "leader"), said], self.act(), self.outcome()], "，")

    def shortfall(self):
        return self._join([[self.domain(), self.pick(_SHORT)], [self.domain(), self.pick(_SHORT)]], "，")

    def cause(self):
        return self._join([["究其原因"],
                           [self.pick(("", "主要是", "一方面是")), self.pick(_GROUP), "对", self.domain(), "工作",
                            self.pick(_CAUSE)],
                           [self.domain(), self.pick(_SHORT)]], "，")

    def plan(self):
        return self._join([[self.pick(_PLAN_VERB), self.pick(_ASK), self.domain(), self.pick(_NOUN)],
                           self.act(), self.purpose()], "，")

    def heading(self):
        return (self.pick(_ADV), self.pick(_VERB), self.domain(), self.pick(_NOUN), "，",
                self.domain(), self.pick(_QUALITY), self.pick(_CHANGE))

    def plan_heading(self):
        return (self.pick(_PLAN_VERB), self.pick(_ASK), self.domain(), self.pick(_NOUN))


# A draft: the structure a template fixes and its copies keep.
# section: [heading (str with {y}/{n}), subsections]; subsection: [heading parts or None, paragraphs];
# paragraph: [enumerated (bool), sentences].

def compose(rng: random.Random, organ: Organ, sentences: tuple[int, int]) -> dict:
    """A report's draft with about `sentences` body sentences (a number drawn in the range)."""
    g = Grammar(rng, organ.areas)
    total = rng.randint(*sentences)
    stock = list(_STOCK)
    rng.shuffle(stock)
    subject = ("o", rng.choice(("self", "full", "short")))
    opening = [False, [(f"{YEAR}年，", subject, "在", ("o", "superiors"), "的坚强领导下，" + stock[0]),
                       g.sentence(), ("现将有关情况报告如下：",)]]
    leader = [[False, [(stock[1],), g.meeting_sentence(), g.leader_sentence(), g.report_sentence()]]]
    if rng.random() < 0.6:
        leader.append([False, [g.leader_sentence() for _ in range(rng.randint(1, 3))] + [(stock[3],)]])
    short = [[True, [g.shortfall() for _ in range(rng.randint(2, 4))]], [False, [g.cause()]]]
    if rng.random() < 0.5:
        plans = [[g.plan_heading(), [[False, [g.plan() for _ in range(rng.randint(1, 2))]]]]
                 for _ in range(rng.randint(3, 5))]
    else:
        plans = [[None, [[True, [g.plan() for _ in range(rng.randint(3, 6))]]]]]
    extra = []
    for _ in range(rng.choice((0, 0, 1, 2))):
        paragraph = [False, [g.sentence() for _ in range(rng.randint(2, 4))]]
        extra.append([rng.choice(_HEAD_OTHER), [[None, [paragraph]]]])
    used = 3 + sum(len(sentences) for subsections in ([[None, leader]], [[None, short]], plans,
                                                      *(section[1] for section in extra))
                   for _, paragraphs in subsections for _, sentences in paragraphs)
    measures = []
    left = max(8, total - used)
    subsections = max(3, min(7, left // 7))
    for index in range(subsections):
        share = left // (subsections - index)
        left -= share
        paragraphs = []
        while share > 0:
            size = min(share, rng.randint(2, 6))
            paragraphs.append([rng.random() < 0.3, [g.sentence() for _ in range(size)]])
            share -= size
        measures.append([g.heading(), paragraphs])
    sections = [[rng.choice(_HEAD_MEASURES), measures],
                [rng.choice(_HEAD_LEADER), [[None, leader]]],
                [rng.choice(_HEAD_SHORT), [[None, short]]]]
    if extra and "整改" in extra[0][0]:
        sections.append(extra.pop(0))
    sections.append([rng.choice(_HEAD_PLANS), plans])
    sections.extend(extra)
    return {"sections": sections, "opening": opening, "indent": rng.choice(("", "　　", "    ")),
            "addressee": rng.random() < 0.75, "close": rng.random() < 0.4,
            "gap": rng.choice(("\n", "\n\n")), "sign_indent": rng.choice(("", " " * 24))}


def edit(draft: dict, rng: random.Random, organ: Organ, share: float, first_id: int) -> dict:
    """A copy's draft: `share` of its sentences dropped or rewritten, sometimes paragraphs of a
    section reordered."""
    g = Grammar(rng, organ.areas, first_id)
    sections = []
    for heading, subsections in draft["sections"]:
        new_subsections = []
        for sub_heading, paragraphs in subsections:
            new_paragraphs = []
            for enumerated, sentences in paragraphs:
                kept = []
                for sentence in sentences:
                    if rng.random() < share and len(sentences) > 1:
                        if rng.random() < 0.5:
                            continue
                        sentence = g.sentence()
                    kept.append(sentence)
                new_paragraphs.append([enumerated, kept or sentences[:1]])
            if len(new_paragraphs) > 1 and rng.random() < 0.15:
                rng.shuffle(new_paragraphs)
            new_subsections.append([sub_heading, new_paragraphs])
        sections.append([heading, new_subsections])
    return {**draft, "sections": sections}


_SMALL = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def render(draft: dict, organ: Organ, rng: random.Random, base: dict, values: dict, signed: str) -> str:
    """The report's text; figures and dates drawn anew (never the `base` value of a slot) and
    recorded in `values`."""
    attributes = {"full": organ.full, "short": organ.short, "self": organ.self, "scope": organ.scope,
                  "superiors": organ.superiors, "leader": organ.leader, "place": organ.place}
    towns = organ.locals
    base_dates = {value for value in base.values() if value.__class__ is tuple}

    def text(parts) -> str:
        out = []
        for part in parts:
            if part.__class__ is str:
                out.append(part)
                continue
            kind = part[0]
            if kind == "o":
                out.append(attributes[part[1]])
            elif kind == "l":
                out.append(towns[part[1] % len(towns)])
            else:
                ident = part[1]
                old = base.get(ident)
                while True:
                    if kind == "d":
                        value = (rng.randint(1, 12), rng.randint(1, 28))
                        if value in base_dates:   # no date of the template's, in any place
                            continue
                    else:
                        value = rng.randint(part[2], part[3])
                    if value != old:
                        break
                values[ident] = value
                if kind == "n":
                    out.append(str(value))
                elif kind == "f":
                    out.append(f"{value / 10:.1f}")
                elif kind == "c":
                    out.append(chinese(value))
                else:
                    out.append(f"{YEAR}年{value[0]}月{value[1]}日")
        return "".join(out)

    indent = draft["indent"]
    lines = [f"{organ.full}{YEAR}年法治政府建设年度报告"]
    if draft["addressee"]:
        lines.append(organ.superiors + "：")
    else:
        lines.append(f"中共{organ.place}委、{organ.place}人民政府：")
    lines.append(indent + "".join(text(s) for s in draft["opening"][1]))
    for number, (heading, subsections) in enumerate(draft["sections"], 1):
        lines.append(_SMALL[number] + "、" + heading.format(y=YEAR, n=YEAR + 1))
        sub_number = 0
        for sub_heading, paragraphs in subsections:
            if sub_heading is not None:
                sub_number += 1
                lines.append(f"{indent}（{_SMALL[sub_number]}）{text(sub_heading)}")
            for enumerated, sentences in paragraphs:
                if enumerated and len(sentences) > 1:
                    body = "".join(_SMALL[i] + "是" + text(s) for i, s in enumerate(sentences[:10], 1))
                    body += "".join(text(s) for s in sentences[10:])
                else:
                    body = "".join(text(s) for s in sentences)
                lines.append(indent + body)
    if draft["close"]:
        lines.append(indent + "特此报告。")
    pad = draft["sign_indent"]
    return draft["gap"].join(lines) + f"\n\n{pad}{organ.full}\n{pad}{signed}\n"


# --- the batch -----------------------------------------------------------------------------

def ring_sizes(templates: int, total: int) -> list[int]:
    """Ring sizes summing to `total`: a quarter of the templates small (5 members), the rest
    falling off as 1/rank (the largest about a third of the copies), none under 2."""
    if templates < 1 or total < 2 * templates:
        raise ValueError("every template needs at least 2 copies")
    small = templates // 4 if templates >= 4 else 0
    small_size = min(5, total // templates)
    sizes = [small_size] * small
    rest = total - small * small_size
    big = templates - small
    weights = [1 / (rank + 1) for rank in range(big)]
    spare = rest - 2 * big
    shares = [spare * w / sum(weights) for w in weights]
    counts = [int(s) for s in shares]
    order = sorted(range(big), key=lambda i: counts[i] - shares[i])
    for i in order[:spare - sum(counts)]:
        counts[i] += 1
    return [2 + c for c in counts] + sizes


def _signing_date(rng: random.Random, after: tuple[int, int] | None = None) -> tuple[int, int]:
    """A 成文日期 (month, day) in January–February of the next year (before the 3月1日
    deadline lawlint checks), later than `after`."""
    while True:
        date = (rng.randint(1, 2), rng.randint(1, 28))
        if after is None or date > after:
            return date


def _dated(date: tuple[int, int]) -> str:
    return f"{YEAR + 1}年{date[0]}月{date[1]}日"


def build(out: Path, templates: int = 20, copies: int = 90, originals: int = 200, seed: int = 17,
          edits: float = 0.15) -> dict:
    """Write templates*copies ring members and `originals` independent reports into `out`;
    returns the ground truth (also written as out/manifest.json). Each copy drops or rewrites
    a share of its template's sentences drawn between 0 and `edits`."""
    rng = random.Random(seed)
    organs = Organs(random.Random(seed + 1))
    total = templates * copies + originals
    names = [f"report-{index:05d}.txt" for index in range(total)]
    rng.shuffle(names)
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict = {"rings": [], "originals": [], "authors": [], "organs": {}}
    at = 0

    def write(text: str, organ: Organ) -> str:
        nonlocal at
        name = names[at]
        at += 1
        (out / name).write_text(text, encoding="utf-8")
        manifest["organs"][name] = organ.full
        return name

    for size in ring_sizes(templates, templates * copies):
        author = organs.draw()
        template = compose(random.Random(rng.random()), author, (50, 120))
        values: dict = {}
        first = (1, rng.randint(4, 15))
        members = [write(render(template, author, rng, {}, values, _dated(first)), author)]
        for _ in range(size - 1):
            organ = organs.draw(author.kind if rng.random() < 0.7 else None, not_in=author.place)
            copy = edit(template, rng, organ, rng.uniform(0, edits), 10**6)
            signed = _dated(_signing_date(rng, first))
            members.append(write(render(copy, organ, rng, values, {}, signed), organ))
        manifest["authors"].append(members[0])
        manifest["rings"].append(sorted(members))
    for _ in range(originals):
        organ = organs.draw()
        draft = compose(random.Random(rng.random()), organ, (42, 120))
        signed = _dated(_signing_date(rng))
        manifest["originals"].append(write(render(draft, organ, rng, {}, {}, signed), organ))
    manifest["originals"].sort()
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


# --- how alike ------------------------------------------------------------------------------

_CLAUSE = re.compile(r"[，。；：！？\n]+")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+")


def clauses(text: str, masked: bool = False) -> frozenset[str]:
    """The clauses of a report (split on ，。；：！？ and lines), 4 characters or more; `masked`:
    every number (Arabic or Chinese) as #."""
    if masked:
        text = _NUMBER.sub("#", text)
    return frozenset(c.strip() for c in _CLAUSE.split(text) if len(c.strip()) >= 4)


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def similarity(out: Path, manifest: dict, pairs: int = 300, seed: int = 5, masked: bool = False) -> dict:
    """Mean, max (and min) clause-set Jaccard of sampled pairs: within a ring, between members
    of different rings, between originals, between an original and a ring member."""
    rng = random.Random(seed)
    cache: dict[str, frozenset] = {}

    def of(name: str) -> frozenset:
        if name not in cache:
            cache[name] = clauses((out / name).read_text(encoding="utf-8"), masked)
        return cache[name]

    rings = [ring for ring in manifest["rings"] if len(ring) > 1]
    originals = manifest["originals"]
    kinds = {
        "within a ring": lambda: rng.sample(rng.choice(rings), 2),
        "across rings": lambda: [rng.choice(ring) for ring in rng.sample(rings, 2)],
        "between originals": lambda: rng.sample(originals, 2),
        "original × member": lambda: [rng.choice(originals), rng.choice(rng.choice(rings))],
    }
    possible = {"within a ring": bool(rings), "across rings": len(rings) > 1,
                "between originals": len(originals) > 1, "original × member": bool(rings and originals)}
    result = {}
    for kind, draw in kinds.items():
        if not possible[kind]:
            continue
        values = [jaccard(*map(of, draw())) for _ in range(pairs)]
        result[kind] = {"mean": sum(values) / len(values), "max": max(values), "min": min(values)}
    return result


def _arguments(argv: list[str]) -> tuple[int, Path, int, int]:
    args = list(argv)
    originals = seed = None
    for flag in ("--originals", "--seed"):
        if flag in args:
            at = args.index(flag)
            value = int(args[at + 1])
            del args[at:at + 2]
            if flag == "--originals":
                originals = value
            else:
                seed = value
    if len(args) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    count = int(args[0])
    return count, Path(args[1]), count // 10 if originals is None else originals, 17 if seed is None else seed


def copies_for(count: int, templates: int = 20) -> int:
    """Copies per template for a batch of about `count` reports (at least 2)."""
    return max(2, round(count / templates))


if __name__ == "__main__":
    count, out, originals, seed = _arguments(sys.argv[1:])
    start = time.perf_counter()
    made = build(out, 20, copies_for(count), originals, seed)
    took = time.perf_counter() - start
    sizes = sorted((len(ring) for ring in made["rings"]), reverse=True)
    print(f"{sum(sizes) + len(made['originals'])} reports in {took:.1f} s: {len(sizes)} rings "
          f"({', '.join(map(str, sizes))}) and {len(made['originals'])} originals → {out}")
    print("\n| clause-set Jaccard | mean | max | min | mean, numbers masked | max, numbers masked |")
    print("|---|---|---|---|---|---|")
    raw, masked = similarity(out, made), similarity(out, made, masked=True)
    for kind, figures in raw.items():
        print(f"| {kind} | {figures['mean']:.3f} | {figures['max']:.3f} | {figures['min']:.3f} | "
              f"{masked[kind]['mean']:.3f} | {masked[kind]['max']:.3f} |")
