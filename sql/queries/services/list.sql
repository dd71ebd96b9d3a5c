select code, label_fr as "labelFr", label_en as "labelEn"
  from services
 order by position, code
