from tackle.core.charts import BAR_AREA, ROW_HEIGHT, bar_chart


def test_the_largest_bar_fills_the_area_and_others_scale_to_it():
    chart = bar_chart([("Labour", 10), ("Sexual", 5), ("None", 0)])
    assert [bar.width for bar in chart.bars] == [BAR_AREA, BAR_AREA // 2, 0]
    assert chart.height == 3 * ROW_HEIGHT


def test_a_withheld_count_draws_no_bar():
    chart = bar_chart([("Labour", 12), ("Criminal", "fewer than 5")])
    assert chart.bars[1].width == 0 and chart.bars[1].value == "fewer than 5"


def test_an_empty_chart_still_has_a_row_of_height():
    assert bar_chart([]).height == ROW_HEIGHT
