# The learner's web server as Terraform: the newest Ubuntu 22.04 AMI looked up by name, a key pair, a web
# security group, a t2.micro with user data in the default VPC and an Elastic IP, for apply / plan / destroy.
variable "endpoint" { type = string }
variable "public_key" { type = string }

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region                      = "ap-northeast-2"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    ec2 = var.endpoint
  }
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
  }
  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

data "aws_vpc" "default" {
  default = true
}

resource "aws_key_pair" "seed" {
  key_name   = "seed-tf"
  public_key = var.public_key
}

resource "aws_security_group" "web" {
  name        = "seed-tf-web"
  description = "web"
  vpc_id      = data.aws_vpc.default.id

  dynamic "ingress" {
    for_each = [22, 80, 443, 8000]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                    = data.aws_ami.ubuntu.id
  instance_type          = "t2.micro"
  key_name               = aws_key_pair.seed.key_name
  vpc_security_group_ids = [aws_security_group.web.id]
  user_data              = <<-SCRIPT
    #!/bin/bash
    apt-get update
    apt-get install -y nginx
  SCRIPT
  root_block_device {
    volume_size = 16
    volume_type = "gp3"
  }
  tags = { Name = "seed-tf-web" }
}

resource "aws_eip" "web" {
  domain   = "vpc"
  instance = aws_instance.web.id
  tags     = { Name = "seed-tf-web" }
}

output "instance_id" { value = aws_instance.web.id }
output "ami" { value = data.aws_ami.ubuntu.id }
output "eip" { value = aws_eip.web.public_ip }
