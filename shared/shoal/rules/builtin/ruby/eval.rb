class ReportsController < ApplicationController
  def calculate
    # ruleid: code-injection/ruby-eval
    result = eval("#{params[:left]} #{params[:op]} #{params[:right]}")
    # ruleid: code-injection/ruby-eval
    Report.class_eval(params[:patch])
    formula = params[:formula]
    # ruleid: code-injection/ruby-eval
    value = binding.eval(formula)
    render json: { result: result, value: value }
  end

  def safe
    # ok: code-injection/ruby-eval
    total = eval("1 + 2")
    # ok: code-injection/ruby-eval
    Report.class_eval { attr_accessor :title }
    # ok: code-injection/ruby-eval
    config.instance_eval(&block)
    # ok: code-injection/ruby-eval
    value = OPERATIONS.fetch(params[:op]).call(params[:left].to_i, params[:right].to_i)
    render json: { total: total, value: value }
  end
end
