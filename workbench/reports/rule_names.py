"""A short Chinese name for each built-in rule, as a ledger or a table of figures prints it.

The register summarises a review's problems as “设定行政处罚1项；限定经营者1项”,
and the year's figures list the rules that fired most by these names. A rule
pack has no name field yet (its ``message`` is a sentence for the letter), so
the names live here, keyed by rule id; a test checks that every built-in rule
has one. A rule without a name (an office's own pack) is shown by its category.
"""

from __future__ import annotations

from workbench.rules.model import CATEGORIES

RULE_NAMES = {
    # 合法性审核
    "leg.creates.licence": "设定行政许可",
    "leg.creates.penalty": "设定行政处罚",
    "leg.creates.coercive": "设定行政强制",
    "leg.creates.levy": "设定征收征用",
    "leg.creates.fee": "设定行政收费",
    "leg.rights.blacklist_sanction": "违法设定惩戒措施",
    "leg.rights.extra_obligation": "增加义务",
    "leg.rights.cost_burden": "增加费用负担",
    "leg.rights.personal_data": "调取报送个人信息",
    "leg.rights.unpaid_service": "要求无偿配合",
    "leg.rights.relatives": "株连亲属",
    "leg.organ.adds_power": "增加本机关权力",
    "leg.organ.sheds_duty": "减少法定职责",
    "leg.organ.restricts_enforcement": "干预执法超越职权",
    "leg.issuer.coordination_body": "议事协调机构制发",
    "leg.issuer.internal_section": "内设机构制发",
    "leg.procedure.no_effective_date": "未写明施行日期",
    "leg.procedure.no_validity_period": "未写明有效期",
    "leg.procedure.validity_too_long": "有效期超过5年",
    "leg.procedure.trial_validity_too_long": "暂行试行有效期过长",
    "leg.procedure.no_interpretation": "未写明解释机关",
    # 公平竞争审查：市场准入和退出
    "fc.entry.approval_procedure": "变相设置审批程序",
    "fc.entry.prior_filing": "要求事先报告备案",
    "fc.entry.franchise_grant": "违法授予特许经营权",
    "fc.entry.exclusive_operator": "确定独家经营者",
    "fc.entry.designated_operator": "限定经营者",
    "fc.entry.named_operator": "指定特定经营者",
    "fc.entry.list_library": "以名录库限定经营者",
    "fc.entry.organisation_form": "以所有制形式设置条件",
    # 商品和要素自由流动
    "fc.movement.exit_refund": "阻碍经营者迁出",
    "fc.movement.exit_commitment": "要求承诺不迁出",
    "fc.movement.local_establishment": "强制在本地设立机构",
    "fc.movement.outside_discrimination": "歧视外地经营者",
    # 影响生产经营成本
    "fc.cost.tax_based_reward": "按纳税额给予奖励",
    "fc.cost.tax_preference": "减免特定经营者税收",
    # 影响生产经营行为
    # 重大执法决定法制审核
    "enf.procedure.no_statement_rights": "未告知陈述申辩权",
    "enf.procedure.no_hearing_notice": "未告知听证权利",
    "enf.procedure.legal_review_unrecorded": "未记载法制审核",
    "enf.procedure.discussion_unrecorded": "未记载集体讨论",
    "enf.catalogue.large_fine": "较大数额罚款",
    "enf.catalogue.suspension": "责令停产整治",
    "enf.catalogue.revocation": "吊销许可证件",
    "enf.catalogue.seizure": "查封扣押",
    "enf.catalogue.daily_penalty": "按日连续处罚",
    "enf.catalogue.transfer": "移送拘留或司法机关",
    "enf.catalogue.hearing": "经过听证",
    "enf.catalogue.public_interest": "涉及重大公共利益",
    "enf.catalogue.complex": "疑难复杂案件",
    "enf.element.no_party_address": "缺少当事人地址",
    "enf.element.no_facts": "缺少违法事实",
    "enf.element.no_evidence": "缺少证据",
    "enf.element.no_penalty_basis": "缺少处罚依据",
    "enf.element.no_penalty_kind": "缺少处罚种类",
    "enf.element.no_performance": "缺少履行方式和期限",
    "enf.element.payment_period": "缴纳期限有误",
    "enf.element.no_remedy": "未告知复议诉讼途径",
    "enf.element.reconsideration_period": "复议期限有误",
    "enf.element.litigation_period": "起诉期限有误",
    "enf.element.no_organ": "缺少行政机关名称",
    "enf.element.no_date": "缺少决定日期",
    "enf.consistency.party_name": "当事人名称不一致",
    "enf.consistency.amount_words_figures": "金额大小写不一致",
    # 引用核查
    "cit.unknown.misspelt_title": "法律名称有误",
    "cit.article.no_such_article": "引用条文不存在",
    "cit.amended.cited_version": "引用已修改的版本",
    "cit.not_yet_in_force.registry": "引用尚未施行的法律",
    "cit.fine.above_maximum": "罚款高于法定上限",
    "cit.fine.below_minimum": "罚款低于法定下限",
    "cit.repealed.env_code_2026": "引用已废止法律",
    "cit.repealed.registry": "引用已废止法律",
    # 公平竞争审查（按条例第八至十一条各项的框架规则）
    "fc.conduct.market_division": "划分经营区域",
    "fc.conduct.price_fixing": "规定价格上下限",
    "fc.conduct.collusion": "组织经营者协同",
    "fc.movement.local_investment": "要求在本地投资纳税",
    "fc.movement.local_preference": "优先采购本地商品",
    "fc.movement.local_scoring": "以本地业绩评分",
    "fc.movement.local_contract": "要求与本地经营者签约",
    "fc.movement.local_goods_subsidy": "只补贴本地商品",
    "fc.movement.onsite_bidding": "要求现场报名投标",
    "fc.entry.local_negative_list": "自定准入负面清单",
    "fc.entry.market_prerequisite": "设置经营前置条件",
    "fc.entry.franchise_term": "特许经营直接续期",
    "fc.entry.excluding_others": "排除其他经营者",
    "fc.entry.quota_to_operator": "业务份额交特定经营者",
    "fc.entry.operator_number_limit": "限定经营者数量",
    "fc.entry.scale_condition": "以规模设置准入条件",
    "fc.entry.ownership_condition": "按所有制设置条件",
    "fc.entry.unnecessary_document": "要求不必要的证明",
    "fc.entry.exit_barrier": "设置退出障碍",
    "fc.entry.operator_fee": "准入收费或保证金",
    "fc.entry.certificate_scoring": "以无关证书评分",
    "fc.exception.no_justification": "例外未说明理由",
    "fc.cost.fee_preference": "减免收费或要素优惠",
    "fc.cost.selective_reward": "选择性奖补",
    "fc.cost.scale_reward": "按规模比例奖补",
    "fc.cost.relocation_reward": "以迁入本地为奖补条件",
    "fc.cost.cultivated_champions": "以数量选定扶持对象",
    "fc.cost.ownership_reward": "按所有制给予奖补",
    "fc.case.resembles_published": "与通报案例相近",
    "fc.entry.excessive_condition": "设置超出需要的条件",
    "enf.procedure.hearing_period": "听证期限有误",
    "cit.article.no_such_item": "引用款项不存在",
    "cit.article.renumbered": "条号有误",
}

# Rules since retired from the packs: reviews logged before still name them.
RETIRED_RULE_NAMES = {
    "fc.entry.registration_condition": "以本地注册为准入条件",
    "fc.entry.area_assignment": "整体交由特定经营者",
    "fc.entry.unnecessary_condition": "设置不必要的准入条件",
    "fc.entry.local_preference": "优先采购本地商品",
    "fc.movement.local_registration_condition": "以本地注册为优惠条件",
    "fc.movement.outside_goods_barred": "限制外地商品进入",
    "fc.movement.local_goods_mandatory": "强制使用本地商品",
    "fc.movement.different_terms": "内外地标准不同",
    "fc.movement.outside_extra_requirement": "对外地经营者额外要求",
    "fc.movement.bidding_local_criteria": "招投标设置本地条件",
    "fc.movement.onsite_registration": "要求现场报名",
    "fc.cost.tax_refund_mechanism": "变相返还税收",
    "fc.cost.relocation_subsidy": "以迁入本地为奖补条件",
    "fc.cost.library_subsidy": "以企业库确定受益者",
    "fc.cost.selective_support": "选择性奖补",
    "fc.cost.quota_support": "以数量选定扶持对象",
    "fc.cost.priority_support": "同等条件下优先扶持",
    "fc.cost.named_beneficiary": "直接确定受益经营者",
    "fc.cost.fee_reduction": "减免收费或社保费",
    "fc.cost.factor_preference": "要素获取优惠",
    "fc.cost.deposit": "违规收取保证金",
    "fc.conduct.price_floor": "规定最低价或统一价",
    "fc.conduct.suggested_price": "制定建议价参考价",
    "fc.conduct.price_filing": "要求价格备案",
    "fc.conduct.monopoly_facilitation": "组织联合经营",
    "fc.conduct.sensitive_information": "组织交换敏感信息",
    "fc.conduct.preferential_price": "给予优惠价格",
    "fc.exception.invoked": "援引例外规定",
}


def rule_name(rule: str, review: str = "", category: str = "") -> str:
    """The rule's short name; for a rule not listed, its category's name (else its id)."""
    return (RULE_NAMES.get(rule) or RETIRED_RULE_NAMES.get(rule) or CATEGORIES.get(review, {}).get(category)
            or rule)
