import json, os
OUT='/work/main/src/policy/profiles'
def P(value, source, clause, confirmed=True, note=None):
    d={"value":value,"source":source,"clause":clause,"confirmed":confirmed}
    if note: d["note"]=note
    return d
S={
 "gf-2018-39":{"document":"国发〔2018〕39号","title":"国务院关于做好当前和今后一个时期促进就业工作的若干意见 (the State Council opinion that 人社部发〔2019〕23号 implements)","confirmed":True},
 "mohrss-2019-23":{"document":"人社部发〔2019〕23号","title":"2019 national notice on unemployment insurance supporting enterprises that keep jobs","confirmed":True},
 "suzhou-report-2019":{"document":"苏州稳岗返还工作报道 (2019-10-15)","title":"Report on Suzhou's online job-retention refund system, 2019 (the seed document)","confirmed":True},
 "suzhou-urr-2018":{"document":"苏州市 2018 年末城镇登记失业率","title":"Suzhou registered urban unemployment rate, 2018","confirmed":False},
 "suzhou-urr-2019":{"document":"苏州市 2019 年末城镇登记失业率","title":"Suzhou registered urban unemployment rate, 2019","confirmed":False},
 "suzhou-sip-2019data":{"document":"苏州工业园区稳岗返还裁员率口径 (2019 年度数据)","title":"Suzhou Industrial Park layoff-rate formula for 2019 data","confirmed":False},
 "jiangsu-2019-hardship":{"document":"江苏省 2019 年困难企业稳岗返还实施口径","title":"Jiangsu 2019 practice for hardship enterprises (benefit formula only)","confirmed":False},
 "mohrss-2020-2":{"document":"人社部明电〔2020〕2号","title":"2020 urgent notice widening the refund to SMEs","confirmed":True},
 "mohrss-2020-30":{"document":"人社部发〔2020〕30号","title":"2020 national notice on unemployment insurance measures","confirmed":True},
 "suzhou-2020-notice":{"document":"苏州市通告 (2020-02-10)","title":"Suzhou 2020 notice: refund without application for SMEs","confirmed":False},
 "mohrss-2021-29":{"document":"人社部发〔2021〕29号","title":"2021 national notice on the job-retention refund","confirmed":True},
 "jiangsu-2021-69":{"document":"苏人社发〔2021〕69号","title":"Jiangsu 2021 implementing notice","confirmed":True},
 "mohrss-2022-23":{"document":"人社部发〔2022〕23号","title":"2022 national notice on the job-retention refund","confirmed":True},
 "four-ministry-2022-05-31":{"document":"四部门通知 (2022-05-31)","title":"2022-05-31 four-ministry notice raising the large-enterprise rate","confirmed":False},
 "gbf-2023-11":{"document":"国办发〔2023〕11号","title":"2023 State Council General Office notice","confirmed":True},
 "mohrss-2024-40":{"document":"人社部发〔2024〕40号","title":"2024 national notice on the job-retention refund","confirmed":True},
 "continue-2025":{"document":"关于延续实施失业保险稳岗惠民政策措施的通知 (文号未确认)","title":"2025 notice continuing the measures, effective 2025-04-14","confirmed":False},
 "gbf-2025-25":{"document":"国办发〔2025〕25号","title":"2025 State Council General Office notice","confirmed":True},
 "derived":{"document":"由适用年度推定","title":"Derived from the year the rules apply in, not stated in a source","confirmed":False},
}
ALL_BY_SIZE={u:"by_size" for u in ["enterprise","individual_business","social_organisation","foundation","social_service_body","law_firm","accounting_firm"]}
BY_ANALOGY=dict(ALL_BY_SIZE, individual_business="sme", social_organisation="large", foundation="large", social_service_body="large", law_firm="large", accounting_firm="large")
def decl(src, clause, confirmed, note=None):
    return {k:P(True,src,clause,confirmed,note) for k in ["industrial_policy","environmental","seriously_dishonest_excluded","zombie_excluded"]}
CARRIED="Carried over from the 2019 rules (人社部发〔2019〕23号); this year's text was not read for it."
def profile(id, name, place, applies_in, valid_from, valid_to, used, **kw):
    d={"id":id,"version":"2026-11-26.1","name":name,"place":place,"applies_in":applies_in,"data_year":applies_in-1,
       "valid_from":valid_from,"valid_to":valid_to,"sources":{k:S[k] for k in used}}
    d.update(kw); return d
profiles=[]
NAT_FORMULA=P("net_reduction","derived","裁员率口径由各地确定",False,"The national text leaves the formula to each place; this profile uses (start − end) / monthly average, the common form.")
NAT_HEADCOUNT=P("start","derived","参保职工 30 人（含）以下",False,"The national text does not say which headcount; this profile uses the count at the start of the year, as Changzhou did.")
# --- 2019 ---
profiles.append(profile("cn-2019",{"zh":"全国 2019 年稳岗返还（人社部发〔2019〕23号）","en":"National job-retention refund, 2019"},
  {"zh":"全国","en":"National"},2019,"2019-01-01","2019-12-31",
  ["gf-2018-39","mohrss-2019-23","derived"],
  layoff_formula=NAT_FORMULA,
  comparison=P("strict","mohrss-2019-23","不裁员或裁员率低于统筹地区城镇登记失业率"),
  layoff_threshold={"large":P(None,"mohrss-2019-23","统筹地区城镇登记失业率",True,"The pooling area's registered urban unemployment rate: a local figure, unknown nationally."),
                    "sme":P(None,"mohrss-2019-23","统筹地区城镇登记失业率",True,"The pooling area's registered urban unemployment rate: a local figure, unknown nationally.")},
  small_unit_rule=None,
  refund_rate={"large":P("0.5","mohrss-2019-23","返还标准为上年度实际缴纳失业保险费的50%"),"sme":P("0.5","mohrss-2019-23","返还标准为上年度实际缴纳失业保险费的50%")},
  unit_treatment=P(ALL_BY_SIZE,"mohrss-2019-23","依法参加失业保险并足额缴纳失业保险费的企业"),
  months_paid_in_full=P(12,"mohrss-2019-23","足额缴纳失业保险费12个月以上"),
  declarations=decl("mohrss-2019-23","生产经营活动符合国家及所在区域产业结构调整政策和环保政策；僵尸企业、严重失信企业不予返还",True),
  review_threshold=None,
  hardship={"benefit":{"months":P(6,"mohrss-2019-23","不超过6个月的当地月人均失业保险金"),
                       "monthly_benefit":P(None,"mohrss-2019-23","当地月人均失业保险金",True,"A local figure, unknown nationally."),
                       "headcount":P("monthly_average","derived","企业参保职工人数",False,"Jiangsu used last year's average insured headcount.")},
            "contribution":{"months":P(6,"mohrss-2019-23","不超过6个月的企业及其职工应缴纳社会保险费"),
                            "share":P("0.5","mohrss-2019-23","50%的企业及其职工应缴纳社会保险费")},
            "difficulty":P(True,"mohrss-2019-23","面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员的参保企业"),
            "union_plan":P(True,"mohrss-2019-23","稳定就业方案经与职工代表或工会协商同意"),
            "no_layoff_months":P(None,"mohrss-2019-23","不裁员或少裁员",True,"The commitment's length is set locally (Jiangsu: 6 months)."),
            "fund_reserve_months":P(24,"mohrss-2019-23","统筹地区失业保险基金滚存结余备付期限在24个月以上")},
  fund_reserve_months=P(12,"mohrss-2019-23","失业保险基金滚存结余备付期限在12个月以上"),
))
profiles.append(profile("suzhou-2019",{"zh":"苏州市 2019 年稳岗返还","en":"Suzhou job-retention refund, 2019"},
  {"zh":"苏州市","en":"Suzhou"},2019,"2019-01-01","2019-12-31",
  ["mohrss-2019-23","suzhou-report-2019","suzhou-urr-2018","jiangsu-2019-hardship","derived"],
  layoff_formula=P("net_reduction","derived","（年初参保人数 − 年末参保人数）÷ 上年月平均参保人数",False,"Suzhou Industrial Park's formula, confirmed for 2019 data (the 2020 refund) and assumed here for 2018 data."),
  comparison=P("strict","mohrss-2019-23","裁员率低于统筹地区城镇登记失业率"),
  layoff_threshold={"large":P("0.0178","suzhou-urr-2018","苏州市 2018 年城镇登记失业率 1.78%",True),"sme":P("0.0178","suzhou-urr-2018","苏州市 2018 年城镇登记失业率 1.78%",True)},
  small_unit_rule=None,
  refund_rate={"large":P("0.5","mohrss-2019-23","上年度实际缴纳失业保险费的50%"),"sme":P("0.5","mohrss-2019-23","上年度实际缴纳失业保险费的50%")},
  unit_treatment=P(ALL_BY_SIZE,"mohrss-2019-23","依法参加失业保险并足额缴纳失业保险费的企业"),
  months_paid_in_full=P(12,"mohrss-2019-23","足额缴纳失业保险费12个月以上"),
  declarations=decl("mohrss-2019-23","符合产业结构调整政策和环保政策；僵尸企业、严重失信企业不予返还",True),
  review_threshold=P("5000000.00","suzhou-report-2019","返还金额500万元及以上的报市政府审议"),
  hardship={"benefit":{"months":P(6,"mohrss-2019-23","不超过6个月的当地月人均失业保险金"),
                       "monthly_benefit":P(None,"jiangsu-2019-hardship","苏州市月人均失业保险金",False,"Suzhou's monthly average unemployment benefit for 2018/2019 is UNCONFIRMED."),
                       "headcount":P("monthly_average","jiangsu-2019-hardship","上年度平均参保职工人数",True)},
            "contribution":None,
            "difficulty":P(True,"mohrss-2019-23","面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员的参保企业"),
            "union_plan":P(True,"mohrss-2019-23","稳定就业方案经与职工代表或工会协商同意"),
            "no_layoff_months":P(6,"jiangsu-2019-hardship","承诺返还后6个月内不裁员或少裁员",True),
            "fund_reserve_months":P(24,"mohrss-2019-23","备付期限在24个月以上")},
  fund_reserve_months=P(12,"mohrss-2019-23","备付期限在12个月以上"),
  notes=["约 88,000 家企业经系统预筛后收到提醒；八个环节全程网上办理。"],
))
# --- 2020 ---
profiles.append(profile("suzhou-2020",{"zh":"苏州市 2020 年稳岗返还","en":"Suzhou job-retention refund, 2020"},
  {"zh":"苏州市","en":"Suzhou"},2020,"2020-01-01","2020-12-31",
  ["mohrss-2020-2","mohrss-2020-30","suzhou-2020-notice","suzhou-urr-2019","suzhou-sip-2019data","suzhou-report-2019","jiangsu-2019-hardship","mohrss-2019-23","derived"],
  layoff_formula=P("net_reduction","suzhou-sip-2019data","（年初参保人数 − 年末参保人数）÷ 上年月平均参保人数",True),
  comparison=P("non_strict","mohrss-2020-2","裁员率不高于"),
  layoff_threshold={"large":P("0.0184","suzhou-urr-2019","苏州市 2019 年末城镇登记失业率 1.84%",True,"Read as the standard for units other than SMEs in the Suzhou 2020 notice."),
                    "sme":P("0.055","mohrss-2020-2","不高于全国城镇调查失业率控制目标 5.5%",True)},
  small_unit_rule={"sme_only":P(True,"mohrss-2020-2","对参保职工30人（含）以下的中小微企业"),
                   "max_insured":P(30,"mohrss-2020-2","参保职工30人（含）以下"),
                   "threshold":P("0.20","mohrss-2020-2","裁员率不超过企业职工总数20%"),
                   "headcount":P("start","derived","参保职工30人（含）以下",False,"Which headcount is not stated; Changzhou used the count at the start of the year.")},
  refund_rate={"large":P("0.5","mohrss-2020-2","其他企业返还标准为50%"),"sme":P("1","mohrss-2020-2","中小微企业返还标准最高可提至100%",True,"Up to 100%: the maximum is used.")},
  unit_treatment=P(ALL_BY_SIZE,"derived","参保企业",False,"Non-enterprise units are not mentioned for 2020; they are classified by size like enterprises."),
  months_paid_in_full=P(12,"mohrss-2019-23","足额缴纳失业保险费12个月以上",False,CARRIED),
  declarations=decl("mohrss-2019-23","符合产业结构调整政策和环保政策；僵尸企业、严重失信企业不予返还",False,CARRIED),
  review_threshold=P("5000000.00","suzhou-report-2019","返还金额500万元及以上的报市政府审议",False,"Suzhou's 2019 practice, assumed to continue in 2020."),
  hardship={"benefit":{"months":P(3,"mohrss-2020-30","不超过3个月的当地月人均失业保险金"),
                       "monthly_benefit":P(None,"jiangsu-2019-hardship","苏州市月人均失业保险金",False,"Suzhou's monthly average unemployment benefit is UNCONFIRMED."),
                       "headcount":P("monthly_average","jiangsu-2019-hardship","上年度平均参保职工人数",False,"Jiangsu's 2019 practice, assumed for 2020.")},
            "contribution":None,
            "difficulty":P(True,"mohrss-2020-30","面临暂时性生产经营困难且恢复有望的参保企业"),
            "union_plan":P(True,"mohrss-2019-23","稳定就业方案经与职工代表或工会协商同意",False,CARRIED),
            "no_layoff_months":P(6,"jiangsu-2019-hardship","承诺返还后6个月内不裁员或少裁员",False,"Jiangsu's 2019 practice, assumed for 2020."),
            "fund_reserve_months":P(None,"mohrss-2020-30","基金备付要求",False,"Not found for 2020.")},
  fund_reserve_months=P(None,"mohrss-2020-2","基金备付要求",False,"Not found for 2020."),
  notes=["2020 年起中小微企业“免申即享”，无需申请。"],
))
def modern(id, year, valid_from, valid_to, used, main, threshold, th_clause, large, sme, rate_clause, months_src, months_confirmed, decl_src, decl_conf, reserve, notes, rate_notes=(None,None), reserve_src=None):
    return profile(id,{"zh":f"全国 {year} 年稳岗返还","en":f"National job-retention refund, {year}"},{"zh":"全国","en":"National"},year,valid_from,valid_to,
      used+["derived"],
      layoff_formula=NAT_FORMULA,
      comparison=P("non_strict",main,"裁员率不高于"),
      layoff_threshold={"large":P(threshold,th_clause[0],th_clause[1]),"sme":P(threshold,th_clause[0],th_clause[1])},
      small_unit_rule={"sme_only":P(False,main,"对参保职工30人（含）以下的企业"),
                       "max_insured":P(30,main,"参保职工30人（含）以下"),
                       "threshold":P("0.20",main,"裁员率不高于参保职工总数20%"),
                       "headcount":NAT_HEADCOUNT},
      refund_rate={"large":P(large[0],large[1],rate_clause,True,rate_notes[0]),"sme":P(sme[0],sme[1],rate_clause,True,rate_notes[1])},
      unit_treatment=P(BY_ANALOGY,"jiangsu-2021-69","社会团体、基金会、社会服务机构、律师事务所、会计师事务所、以单位形式参保的个体工商户参照实施",False,"Jiangsu's reading: individual businesses at the SME rate, the others at the large rate."),
      months_paid_in_full=P(12,months_src,"足额缴纳失业保险费12个月以上",months_confirmed,None if months_confirmed else CARRIED),
      declarations=decl(decl_src,"符合产业结构调整政策和环保政策；僵尸企业、严重失信企业不予返还",decl_conf,None if decl_conf else CARRIED),
      review_threshold=None,
      hardship=None,
      fund_reserve_months=P(reserve,reserve_src or main,"失业保险基金滚存结余备付期限1年以上" if reserve else "基金备付要求",reserve is not None,None if reserve else "Not found for this year."),
      notes=notes)
profiles.append(modern("cn-2021",2021,"2021-01-01","2021-12-31",["mohrss-2021-29","jiangsu-2021-69","mohrss-2019-23"],"mohrss-2021-29",
  "0.06",("jiangsu-2021-69","不高于上年度全国城镇调查失业率控制目标（6%）"),("0.3","mohrss-2021-29"),("0.6","mohrss-2021-29"),
  "大型企业按不超过企业及其职工上年度实际缴纳失业保险费的30%返还，中小微企业按不超过60%返还","mohrss-2019-23",False,"mohrss-2019-23",False,12,[],rate_notes=("Up to 30%: the maximum is used.","Up to 60%: the maximum is used.")))
profiles.append(modern("cn-2022",2022,"2022-01-01","2022-12-31",["mohrss-2022-23","four-ministry-2022-05-31","jiangsu-2021-69","mohrss-2019-23","mohrss-2021-29"],"mohrss-2022-23",
  "0.055",("mohrss-2022-23","不高于全国城镇调查失业率控制目标 5.5%"),("0.5","four-ministry-2022-05-31"),("0.9","mohrss-2022-23"),
  "中小微企业返还比例最高提至90%；大型企业由30%提至50%","mohrss-2019-23",False,"mohrss-2019-23",False,12,
  ["已按 30% 领取的大型企业补发 20%。","鼓励“免申即享”；无对公账户的可返还至缴纳社保费的账户。"],
  rate_notes=("30% raised to 50% by the 2022-05-31 notice.","Up to 90%: the maximum is used."),reserve_src="mohrss-2021-29"))
profiles.append(modern("cn-2023",2023,"2023-01-01","2023-12-31",["gbf-2023-11","jiangsu-2021-69","mohrss-2019-23","mohrss-2021-29"],"gbf-2023-11",
  "0.055",("gbf-2023-11","不高于全国城镇调查失业率控制目标 5.5%"),("0.3","gbf-2023-11"),("0.6","gbf-2023-11"),
  "大型企业按30%、中小微企业按60%返还","mohrss-2019-23",False,"mohrss-2019-23",False,12,[],reserve_src="mohrss-2021-29"))
profiles.append(modern("cn-2024",2024,"2024-01-01","2024-12-31",["mohrss-2024-40","jiangsu-2021-69","mohrss-2019-23","mohrss-2021-29"],"mohrss-2024-40",
  "0.055",("mohrss-2024-40","不高于全国城镇调查失业率控制目标 5.5%"),("0.3","mohrss-2024-40"),("0.6","mohrss-2024-40"),
  "大型企业按30%、中小微企业按60%返还","mohrss-2024-40",True,"mohrss-2019-23",False,12,
  ["返还资金可用于降低生产经营成本。","省级统筹基金备付能力测试。"],reserve_src="mohrss-2021-29"))
profiles.append(modern("cn-2025",2025,"2025-04-14","2025-12-31",["continue-2025","gbf-2025-25","jiangsu-2021-69","mohrss-2019-23","mohrss-2024-40","mohrss-2021-29"],"continue-2025",
  "0.055",("continue-2025","不高于全国城镇调查失业率控制目标 5.5%"),("0.3","continue-2025"),("0.6","continue-2025"),
  "大型企业按30%、中小微企业按60%返还","mohrss-2024-40",False,"mohrss-2019-23",False,12,
  ["失业保险基金累计结余备付期限在1年以上的统筹地区可将比例提至50%（大型）和90%（中小微）；本档案按基本比例计算。"],reserve_src="continue-2025"))
for p in profiles:
    used={v["source"] for v in json.dumps(p) and []}  # placeholder
    with open(os.path.join(OUT,p["id"]+".json"),"w") as f:
        json.dump(p,f,ensure_ascii=False,indent=2); f.write("\n")
print(len(profiles))
