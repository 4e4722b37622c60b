class CalculatorController < ApplicationController
  OPERATORS = %w[+ - * /].freeze

  def compute
    # ruleid: code-injection/ruby-eval
    result = eval("1 #{params[:op]} 2")
    formula = expression(params[:left], params[:right])
    # ruleid: code-injection/ruby-eval
    total = eval(formula)
    # ruleid: code-injection/ruby-eval
    klass = params[:type].constantize
    # ruleid: code-injection/ruby-eval
    value = Report.public_send(params[:method])
    render json: [result, total, klass, value]
  end

  def compute_safely
    op = params[:op]
    if OPERATORS.include?(op)
      # ok: code-injection/ruby-eval
      result = eval("1 #{op} 2")
    end
    # ok: code-injection/ruby-eval
    total = eval(expression(1, 2))
    n = Integer(params[:n])
    # ok: code-injection/ruby-eval
    doubled = eval("#{n} * 2")
    # ok: code-injection/ruby-eval
    klass = "Report".constantize
    render json: [result, total, doubled, klass]
  end

  private

  def expression(left, right)
    "#{left} + #{right}"
  end
end
